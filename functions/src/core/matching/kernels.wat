;; Tandem's inner loops as WebAssembly (assembled by `npm run build:kernels` into kernels-wasm.ts):
;; eight exports — `scan` (the dual check of a row, row-tasks.ts scanFull), `score` and `select`
;; (scoring a row and selecting its candidates, row-source.ts fastRow), `setup`, `reduceRows` and
;; `augment` (the shortest-path search, shortest-paths.ts), `edgesFromPairs` and `withEdges` (the
;; candidate graph, edge-set.ts). They do exactly what the JavaScript versions do, pair for pair;
;; test/unit/matching/kernels.test.ts holds them together. No fit rule lives here: `score` adds up
;; points it looks up in tables its caller fills with fit-score.ts's rule functions (row-tables.ts;
;; hire dates too: a table by the difference in days). Each thread instantiates
;; the module with its own memory; the caller lays its arrays out in it (see kernels.ts: Layout,
;; SearchLayout for `setup`, SCORE_RECORD and SCORE_TABLES for `score`).
(module
  (memory (export "memory") 1)

  ;; The dual check of one row (row-tasks.ts, scanFull): $row holds the row's values (u16, 0 =
  ;; forbidden), $pm the mentors' potentials (i32), $ig the graph stamps (i32, = $ep: a graph edge of
  ;; this row). Counts pairs with threshold − value − potential < 0 and keeps the NEAR + 1 = 5 smallest
  ;; such reduced costs outside the graph, sorted (ties: the smaller index first), at 0 (i32[5]) and
  ;; 32 (their mentors); lists the first $maxList violators (mentor, value; i32) at $list and
  ;; $listValue. Returns violations << 8 | kept. $gate0 stands for "no gate yet" (above every
  ;; reduced cost of a pair that counts). Eight pairs at a time: a block is skipped when no pair in it
  ;; passes the gate; otherwise its pairs go one by one through the scalar rules.
  (func (export "scan")
    (param $n i32) (param $row i32) (param $pm i32) (param $ig i32) (param $ep i32) (param $t i32) (param $gate0 i32)
    (param $list i32) (param $listValue i32) (param $maxList i32)
    (result i32)
    (local $m i32) (local $lim i32)
    (local $kept i32) (local $viol i32) (local $gate i32)
    (local $s i32) (local $rc i32) (local $at i32)
    (local $v v128) (local $lo v128) (local $hi v128) (local $tt v128) (local $g v128)
    (local.set $gate (local.get $gate0))
    (local.set $tt (i32x4.splat (local.get $t)))
    (block $done
      (loop $outer
        (br_if $done (i32.ge_u (local.get $m) (local.get $n)))
        (local.set $lim (local.get $n))
        (if (i32.le_u (i32.add (local.get $m) (i32.const 8)) (local.get $n))
          (then
            (local.set $v (v128.load (i32.add (local.get $row) (i32.shl (local.get $m) (i32.const 1)))))
            (local.set $lo (i32x4.extend_low_i16x8_u (local.get $v)))
            (local.set $hi (i32x4.extend_high_i16x8_u (local.get $v)))
            (local.set $g (i32x4.splat (local.get $gate)))
            (if (i32.eqz (v128.any_true
                  (v128.or
                    (v128.andnot
                      (i32x4.lt_s
                        (i32x4.sub (i32x4.sub (local.get $tt) (local.get $lo))
                          (v128.load (i32.add (local.get $pm) (i32.shl (local.get $m) (i32.const 2)))))
                        (local.get $g))
                      (i32x4.eq (local.get $lo) (v128.const i32x4 0 0 0 0)))
                    (v128.andnot
                      (i32x4.lt_s
                        (i32x4.sub (i32x4.sub (local.get $tt) (local.get $hi))
                          (v128.load offset=16 (i32.add (local.get $pm) (i32.shl (local.get $m) (i32.const 2)))))
                        (local.get $g))
                      (i32x4.eq (local.get $hi) (v128.const i32x4 0 0 0 0))))))
              (then
                (local.set $m (i32.add (local.get $m) (i32.const 8)))
                (br $outer)))
            (local.set $lim (i32.add (local.get $m) (i32.const 8)))))
        ;; Scalar: every pair of [m, lim), exactly as the JavaScript scan.
        (loop $lane
          (block $next
            (local.set $s (i32.load16_u (i32.add (local.get $row) (i32.shl (local.get $m) (i32.const 1)))))
            (br_if $next (i32.eqz (local.get $s)))
            (local.set $rc
              (i32.sub (i32.sub (local.get $t) (local.get $s))
                (i32.load (i32.add (local.get $pm) (i32.shl (local.get $m) (i32.const 2))))))
            (br_if $next (i32.ge_s (local.get $rc) (local.get $gate)))
            (if (i32.lt_s (local.get $rc) (i32.const 0))
              (then
                ;; A violation: the first $maxList (by mentor) are listed with their values.
                (if (i32.lt_s (local.get $viol) (local.get $maxList))
                  (then
                    (i32.store (i32.add (local.get $list) (i32.shl (local.get $viol) (i32.const 2))) (local.get $m))
                    (i32.store (i32.add (local.get $listValue) (i32.shl (local.get $viol) (i32.const 2))) (local.get $s))))
                (local.set $viol (i32.add (local.get $viol) (i32.const 1)))))
            (br_if $next
              (i32.eq (i32.load (i32.add (local.get $ig) (i32.shl (local.get $m) (i32.const 2)))) (local.get $ep)))
            (br_if $next
              (i32.and (i32.gt_s (local.get $kept) (i32.const 4))
                (i32.ge_s (local.get $rc) (i32.load offset=16 (i32.const 0)))))
            (if (i32.le_s (local.get $kept) (i32.const 4))
              (then
                (local.set $at (local.get $kept))
                (local.set $kept (i32.add (local.get $kept) (i32.const 1))))
              (else (local.set $at (i32.const 4))))
            (block $placed
              (loop $shift
                (br_if $placed (i32.eqz (local.get $at)))
                (br_if $placed
                  (i32.le_s
                    (i32.load (i32.shl (i32.sub (local.get $at) (i32.const 1)) (i32.const 2)))
                    (local.get $rc)))
                (i32.store (i32.shl (local.get $at) (i32.const 2))
                  (i32.load (i32.shl (i32.sub (local.get $at) (i32.const 1)) (i32.const 2))))
                (i32.store offset=32 (i32.shl (local.get $at) (i32.const 2))
                  (i32.load offset=32 (i32.shl (i32.sub (local.get $at) (i32.const 1)) (i32.const 2))))
                (local.set $at (i32.sub (local.get $at) (i32.const 1)))
                (br $shift)))
            (i32.store (i32.shl (local.get $at) (i32.const 2)) (local.get $rc))
            (i32.store offset=32 (i32.shl (local.get $at) (i32.const 2)) (local.get $m))
            (if (i32.gt_s (local.get $kept) (i32.const 4))
              (then
                (local.set $gate (i32.load offset=16 (i32.const 0)))
                (if (i32.lt_s (local.get $gate) (i32.const 0)) (then (local.set $gate (i32.const 0)))))))
          (local.set $m (i32.add (local.get $m) (i32.const 1)))
          (br_if $lane (i32.lt_u (local.get $m) (local.get $lim))))
        (br $outer)))
    (i32.or (i32.shl (local.get $viol) (i32.const 8)) (local.get $kept))
  )

  ;; One row of the built-in fit score (row-source.ts, fastRow), written as u16 values (units + 1,
  ;; 0 = forbidden) at $out; returns the row's best value. Mentor m's record is 32 bytes at $rec + 32m
  ;; (kernels.ts, SCORE_RECORD): languages, topics, interests (two words) as i32; the byte offsets from
  ;; $tab of its availability and class entries (i32); its index into the hire-date table (i32). At
  ;; $tab the row's tables (i32): points by common topics, from $tab + 256 points by common interests;
  ;; a class entry holds −1 − points when the pair's hire-date points are still to add: those are
  ;; looked up at $hireTab, entry max(mentor index + $hireBase, 0) (row-tables.ts, HireDayTable).
  ;; Every number comes from tables the caller computed with fit-score.ts's rule functions.
  (func (export "score")
    (param $n i32) (param $langE i32) (param $topE i32) (param $intLo i32) (param $intHi i32)
    (param $hireBase i32) (param $hireTab i32) (param $rec i32) (param $tab i32) (param $out i32)
    (result i32)
    (local $end i32) (local $c i32) (local $i i32) (local $value i32) (local $best i32)
    (local.set $end (i32.add (local.get $out) (i32.shl (local.get $n) (i32.const 1))))
    (block $done
      (loop $pairs
        (br_if $done (i32.ge_u (local.get $out) (local.get $end)))
        (local.set $c (i32.load (i32.add (local.get $tab) (i32.load offset=20 (local.get $rec)))))
        (if (i32.lt_s (local.get $c) (i32.const 0))
          (then
            ;; An unknown date on either side makes the index 0 or less: entry 0.
            (local.set $i (i32.add (i32.load offset=24 (local.get $rec)) (local.get $hireBase)))
            (local.set $c
              (i32.add (i32.sub (i32.const -1) (local.get $c))
                (i32.load (i32.add (local.get $hireTab)
                  (i32.shl
                    (select (local.get $i) (i32.const 0) (i32.gt_s (local.get $i) (i32.const 0)))
                    (i32.const 2))))))))
        ;; Forbidden (0) without a common language, else score + 1.
        (local.set $value
          (select
            (i32.add
              (i32.add
                (i32.load (i32.add (local.get $tab)
                  (i32.shl (i32.popcnt (i32.and (local.get $topE) (i32.load offset=4 (local.get $rec)))) (i32.const 2))))
                (i32.load offset=256 (i32.add (local.get $tab)
                  (i32.shl
                    (i32.add
                      (i32.popcnt (i32.and (local.get $intLo) (i32.load offset=8 (local.get $rec))))
                      (i32.popcnt (i32.and (local.get $intHi) (i32.load offset=12 (local.get $rec)))))
                    (i32.const 2)))))
              (i32.add
                (i32.load (i32.add (local.get $tab) (i32.load offset=16 (local.get $rec))))
                (i32.add (local.get $c) (i32.const 1))))
            (i32.const 0)
            (i32.and (local.get $langE) (i32.load (local.get $rec)))))
        (i32.store16 (local.get $out) (local.get $value))
        (local.set $best (select (local.get $value) (local.get $best) (i32.gt_s (local.get $value) (local.get $best))))
        (local.set $rec (i32.add (local.get $rec) (i32.const 32)))
        (local.set $out (i32.add (local.get $out) (i32.const 2)))
        (br $pairs)))
    (local.get $best)
  )

  ;; The candidate selection of scored row $ep (row-source.ts, RowSelection; `best` is the row's final
  ;; best value): keeps the row's $k best (value desc, then index asc) sorted at $rs/$ri (i32), and
  ;; offers the row to every mentor with value ≠ 0 and value − best ≥ gate (i32 at $gate) — the
  ;; mentors' heaps of best mentees (see $offerColumn). Stores the number kept at $counts. Eight values
  ;; at a time: a block is skipped when none of them enters the row's heap or passes its gate.
  (func (export "select")
    (param $n i32) (param $row i32) (param $best i32) (param $k i32) (param $gate i32) (param $ep i32)
    (param $rs i32) (param $ri i32) (param $counts i32) (param $colOff i32) (param $heap i32) (param $colSize i32)
    (local $m i32) (local $lim i32) (local $value i32) (local $size i32) (local $rowMin i32)
    (local $shift f64) (local $at i32) (local $v v128) (local $lo v128) (local $hi v128)
    (local $bb v128)
    (local.set $rowMin (select (i32.const 0) (i32.const 0x7fffffff) (local.get $k)))
    (local.set $bb (i32x4.splat (local.get $best)))
    (local.set $shift (f64.mul (f64.convert_i32_s (i32.sub (i32.const 65536) (local.get $best))) (f64.const 65536)))
    (block $done
      (loop $outer
        (br_if $done (i32.ge_u (local.get $m) (local.get $n)))
        (local.set $lim (local.get $n))
        (if (i32.le_u (i32.add (local.get $m) (i32.const 8)) (local.get $n))
          (then
            (local.set $v (v128.load (i32.add (local.get $row) (i32.shl (local.get $m) (i32.const 1)))))
            (local.set $lo (i32x4.extend_low_i16x8_u (local.get $v)))
            (local.set $hi (i32x4.extend_high_i16x8_u (local.get $v)))
            (if (i32.eqz (v128.any_true
                  (v128.or
                    (v128.or
                      (i32x4.gt_s (local.get $lo) (i32x4.splat (local.get $rowMin)))
                      (i32x4.gt_s (local.get $hi) (i32x4.splat (local.get $rowMin))))
                    (v128.or
                      (i32x4.ge_s (i32x4.sub (local.get $lo) (local.get $bb))
                        (v128.load (i32.add (local.get $gate) (i32.shl (local.get $m) (i32.const 2)))))
                      (i32x4.ge_s (i32x4.sub (local.get $hi) (local.get $bb))
                        (v128.load offset=16 (i32.add (local.get $gate) (i32.shl (local.get $m) (i32.const 2)))))))))
              (then
                (local.set $m (i32.add (local.get $m) (i32.const 8)))
                (br $outer)))
            (local.set $lim (i32.add (local.get $m) (i32.const 8)))))
        (loop $lane
          (local.set $value (i32.load16_u (i32.add (local.get $row) (i32.shl (local.get $m) (i32.const 1)))))
          ;; Strictly better only: among equal values the earlier (smaller index) stays.
          (if (i32.gt_s (local.get $value) (local.get $rowMin))
            (then
              (local.set $at (local.get $size))
              (if (i32.lt_s (local.get $size) (local.get $k))
                (then (local.set $size (i32.add (local.get $size) (i32.const 1))))
                (else (local.set $at (i32.sub (local.get $k) (i32.const 1)))))
              (block $placed
                (loop $shift
                  (br_if $placed (i32.eqz (local.get $at)))
                  (br_if $placed
                    (i32.ge_s
                      (i32.load (i32.add (local.get $rs) (i32.shl (i32.sub (local.get $at) (i32.const 1)) (i32.const 2))))
                      (local.get $value)))
                  (i32.store (i32.add (local.get $rs) (i32.shl (local.get $at) (i32.const 2)))
                    (i32.load (i32.add (local.get $rs) (i32.shl (i32.sub (local.get $at) (i32.const 1)) (i32.const 2)))))
                  (i32.store (i32.add (local.get $ri) (i32.shl (local.get $at) (i32.const 2)))
                    (i32.load (i32.add (local.get $ri) (i32.shl (i32.sub (local.get $at) (i32.const 1)) (i32.const 2)))))
                  (local.set $at (i32.sub (local.get $at) (i32.const 1)))
                  (br $shift)))
              (i32.store (i32.add (local.get $rs) (i32.shl (local.get $at) (i32.const 2))) (local.get $value))
              (i32.store (i32.add (local.get $ri) (i32.shl (local.get $at) (i32.const 2))) (local.get $m))
              (if (i32.eq (local.get $size) (local.get $k))
                (then
                  (local.set $rowMin
                    (i32.load (i32.add (local.get $rs) (i32.shl (i32.sub (local.get $k) (i32.const 1)) (i32.const 2)))))))))
          (if (i32.and (i32.ne (local.get $value) (i32.const 0))
                (i32.ge_s (i32.sub (local.get $value) (local.get $best))
                  (i32.load (i32.add (local.get $gate) (i32.shl (local.get $m) (i32.const 2))))))
            (then
              ;; The regret key (row-tasks.ts, regretShift) packed with the mentee: higher is better.
              (call $offerColumn (local.get $m)
                (f64.add
                  (f64.mul
                    (f64.add (local.get $shift) (f64.mul (f64.convert_i32_s (local.get $value)) (f64.const 65537)))
                    (f64.const 1048576))
                  (f64.convert_i32_s (i32.sub (i32.const 1048575) (local.get $ep))))
                (local.get $gate) (local.get $colOff) (local.get $heap) (local.get $colSize))))
          (local.set $m (i32.add (local.get $m) (i32.const 1)))
          (br_if $lane (i32.lt_u (local.get $m) (local.get $lim))))
        (br $outer)))
    (i32.store (local.get $counts) (local.get $size))
  )

;; A mentor's heap of best mentees (row-tasks.ts, the score task's column heaps): mentor $mp keeps
  ;; its colOff[mp + 1] − colOff[mp] best packed keys (regret key × 2^20 + 2^20 − 1 − mentee) in a
  ;; min-heap of f64 at $heap + 8 colOff[mp], its size at $colSize; once full, a key enters only above
  ;; the root, and the mentor's gate becomes the root's regret part (floor(key / 65536) − 65536).
  (func $offerColumn (param $mp i32) (param $x f64) (param $gate i32) (param $colOff i32) (param $heap i32) (param $colSize i32)
    (local $off i32) (local $cap i32) (local $n i32) (local $k i32) (local $p i32) (local $c i32) (local $hc f64) (local $hr f64)
    (local.set $off (i32.load (i32.add (local.get $colOff) (i32.shl (local.get $mp) (i32.const 2)))))
    (local.set $cap (i32.sub (i32.load (i32.add (local.get $colOff) (i32.shl (i32.add (local.get $mp) (i32.const 1)) (i32.const 2))))
      (local.get $off)))
    (local.set $n (i32.load (i32.add (local.get $colSize) (i32.shl (local.get $mp) (i32.const 2)))))
    (local.set $heap (i32.add (local.get $heap) (i32.shl (local.get $off) (i32.const 3))))
    (if (i32.lt_s (local.get $n) (local.get $cap))
      (then
        (local.set $k (local.get $n))
        (block $placed
          (loop $up
            (br_if $placed (i32.eqz (local.get $k)))
            (local.set $p (i32.shr_s (i32.sub (local.get $k) (i32.const 1)) (i32.const 1)))
            (local.set $hc (f64.load (i32.add (local.get $heap) (i32.shl (local.get $p) (i32.const 3)))))
            (br_if $placed (f64.le (local.get $hc) (local.get $x)))
            (f64.store (i32.add (local.get $heap) (i32.shl (local.get $k) (i32.const 3))) (local.get $hc))
            (local.set $k (local.get $p))
            (br $up)))
        (f64.store (i32.add (local.get $heap) (i32.shl (local.get $k) (i32.const 3))) (local.get $x))
        (local.set $n (i32.add (local.get $n) (i32.const 1)))
        (i32.store (i32.add (local.get $colSize) (i32.shl (local.get $mp) (i32.const 2))) (local.get $n)))
      (else
        (if (f64.le (local.get $x) (f64.load (local.get $heap))) (then (return)))
        (block $placed
          (loop $down
            (local.set $c (i32.add (i32.shl (local.get $k) (i32.const 1)) (i32.const 1)))
            (br_if $placed (i32.ge_s (local.get $c) (local.get $n)))
            (local.set $hc (f64.load (i32.add (local.get $heap) (i32.shl (local.get $c) (i32.const 3)))))
            (if (i32.lt_s (i32.add (local.get $c) (i32.const 1)) (local.get $n))
              (then
                (local.set $hr (f64.load (i32.add (local.get $heap) (i32.shl (i32.add (local.get $c) (i32.const 1)) (i32.const 3)))))
                (if (f64.lt (local.get $hr) (local.get $hc))
                  (then
                    (local.set $c (i32.add (local.get $c) (i32.const 1)))
                    (local.set $hc (local.get $hr))))))
            (br_if $placed (f64.le (local.get $x) (local.get $hc)))
            (f64.store (i32.add (local.get $heap) (i32.shl (local.get $k) (i32.const 3))) (local.get $hc))
            (local.set $k (local.get $c))
            (br $down)))
        (f64.store (i32.add (local.get $heap) (i32.shl (local.get $k) (i32.const 3))) (local.get $x))))
    (if (i32.eq (local.get $n) (local.get $cap))
      (then
        (i32.store (i32.add (local.get $gate) (i32.shl (local.get $mp) (i32.const 2)))
          (i32.sub
            (i32.trunc_f64_s (f64.floor (f64.div (f64.load (local.get $heap)) (f64.const 68719476736))))
            (i32.const 65536))))))

    ;; ---------------------------------------------------------------------------------------------
  ;; Shortest augmenting paths (shortest-paths.ts, augmentAll): one free row's Dijkstra search over
  ;; reduced costs, the potential update and the augmentation, with Dial's buckets (distances below
  ;; 4096) and a binary heap for larger distances — the same order of settling as the JavaScript
  ;; queue (a bucket is a stack; the heap pops the smaller key, then the smaller node). `setup` gives
  ;; the arrays' offsets; f64 for costs, potentials and distances (exact integers, as in JavaScript).
  (global $adjStart (mut i32) (i32.const 0))
  (global $adjCol (mut i32) (i32.const 0))
  (global $adjCost (mut i32) (i32.const 0))
  (global $colSlotStart (mut i32) (i32.const 0))
  (global $rowGroup (mut i32) (i32.const 0))
  (global $u (mut i32) (i32.const 0))
  (global $v (mut i32) (i32.const 0))
  (global $rowMatch (mut i32) (i32.const 0))
  (global $colMatch (mut i32) (i32.const 0))
  (global $dist (mut i32) (i32.const 0))
  (global $done (mut i32) (i32.const 0))
  (global $pred (mut i32) (i32.const 0))
  (global $touched (mut i32) (i32.const 0))
  (global $settled (mut i32) (i32.const 0))
  (global $head (mut i32) (i32.const 0))
  (global $next (mut i32) (i32.const 0))
  (global $prev (mut i32) (i32.const 0))
  (global $bucketOf (mut i32) (i32.const 0))
  (global $ovKey (mut i32) (i32.const 0))
  (global $hKeys (mut i32) (i32.const 0))
  (global $hVals (mut i32) (i32.const 0))
  (global $hSize (mut i32) (i32.const 0))
  (global $cursor (mut i32) (i32.const 0))
  (global $count (mut i32) (i32.const 0))
  (global $nC (mut i32) (i32.const 0))
  (global $unit (mut i32) (i32.const 0))
  (global $D (mut f64) (f64.const 0))

  (func (export "setup")
    (param $adjStart i32) (param $adjCol i32) (param $adjCost i32) (param $colSlotStart i32)
    (param $rowGroup i32) (param $u i32) (param $v i32) (param $rowMatch i32) (param $colMatch i32)
    (param $dist i32) (param $done i32) (param $pred i32) (param $touched i32) (param $settled i32)
    (param $head i32) (param $next i32) (param $prev i32) (param $bucketOf i32) (param $ovKey i32)
    (param $hKeys i32) (param $hVals i32) (param $nC i32) (param $unit i32) (param $D f64)
    (global.set $adjStart (local.get $adjStart)) (global.set $adjCol (local.get $adjCol))
    (global.set $adjCost (local.get $adjCost)) (global.set $colSlotStart (local.get $colSlotStart))
    (global.set $rowGroup (local.get $rowGroup)) (global.set $u (local.get $u)) (global.set $v (local.get $v))
    (global.set $rowMatch (local.get $rowMatch)) (global.set $colMatch (local.get $colMatch))
    (global.set $dist (local.get $dist)) (global.set $done (local.get $done)) (global.set $pred (local.get $pred))
    (global.set $touched (local.get $touched)) (global.set $settled (local.get $settled))
    (global.set $head (local.get $head)) (global.set $next (local.get $next)) (global.set $prev (local.get $prev))
    (global.set $bucketOf (local.get $bucketOf)) (global.set $ovKey (local.get $ovKey))
    (global.set $hKeys (local.get $hKeys)) (global.set $hVals (local.get $hVals))
    (global.set $nC (local.get $nC)) (global.set $unit (local.get $unit)) (global.set $D (local.get $D))
    (global.set $hSize (i32.const 0)) (global.set $cursor (i32.const 0)) (global.set $count (i32.const 0)))


  ;; Heap of (key, node): the smaller key first, then the smaller node.
  (func $less (param $ka f64) (param $va i32) (param $kb f64) (param $vb i32) (result i32)
    (i32.or (f64.lt (local.get $ka) (local.get $kb))
      (i32.and (f64.eq (local.get $ka) (local.get $kb)) (i32.lt_s (local.get $va) (local.get $vb)))))
  (func $heapPush (param $key f64) (param $val i32)
    (local $k i32) (local $p i32)
    (local.set $k (global.get $hSize))
    (global.set $hSize (i32.add (local.get $k) (i32.const 1)))
    (block $placed
      (loop $up
        (br_if $placed (i32.eqz (local.get $k)))
        (local.set $p (i32.shr_s (i32.sub (local.get $k) (i32.const 1)) (i32.const 1)))
        (br_if $placed
          (i32.eqz (call $less (local.get $key) (local.get $val)
            (f64.load (i32.add (global.get $hKeys) (i32.shl (local.get $p) (i32.const 3)))) (i32.load (i32.add (global.get $hVals) (i32.shl (local.get $p) (i32.const 2)))))))
        (f64.store (i32.add (global.get $hKeys) (i32.shl (local.get $k) (i32.const 3))) (f64.load (i32.add (global.get $hKeys) (i32.shl (local.get $p) (i32.const 3)))))
        (i32.store (i32.add (global.get $hVals) (i32.shl (local.get $k) (i32.const 2))) (i32.load (i32.add (global.get $hVals) (i32.shl (local.get $p) (i32.const 2)))))
        (local.set $k (local.get $p))
        (br $up)))
    (f64.store (i32.add (global.get $hKeys) (i32.shl (local.get $k) (i32.const 3))) (local.get $key))
    (i32.store (i32.add (global.get $hVals) (i32.shl (local.get $k) (i32.const 2))) (local.get $val)))
  (func $heapPop (result i32)
    (local $top i32) (local $n i32) (local $key f64) (local $val i32) (local $k i32) (local $c i32)
    (local.set $top (i32.load (i32.add (global.get $hVals) (i32.shl (i32.const 0) (i32.const 2)))))
    (local.set $n (i32.sub (global.get $hSize) (i32.const 1)))
    (global.set $hSize (local.get $n))
    (if (i32.eqz (local.get $n)) (then (return (local.get $top))))
    (local.set $key (f64.load (i32.add (global.get $hKeys) (i32.shl (local.get $n) (i32.const 3)))))
    (local.set $val (i32.load (i32.add (global.get $hVals) (i32.shl (local.get $n) (i32.const 2)))))
    (block $placed
      (loop $down
        (local.set $c (i32.add (i32.shl (local.get $k) (i32.const 1)) (i32.const 1)))
        (br_if $placed (i32.ge_s (local.get $c) (local.get $n)))
        (if (i32.lt_s (i32.add (local.get $c) (i32.const 1)) (local.get $n))
          (then
            (if (call $less
                  (f64.load (i32.add (global.get $hKeys) (i32.shl (i32.add (local.get $c) (i32.const 1)) (i32.const 3))))
                  (i32.load (i32.add (global.get $hVals) (i32.shl (i32.add (local.get $c) (i32.const 1)) (i32.const 2))))
                  (f64.load (i32.add (global.get $hKeys) (i32.shl (local.get $c) (i32.const 3))))
                  (i32.load (i32.add (global.get $hVals) (i32.shl (local.get $c) (i32.const 2)))))
              (then (local.set $c (i32.add (local.get $c) (i32.const 1)))))))
        (br_if $placed
          (i32.eqz (call $less
            (f64.load (i32.add (global.get $hKeys) (i32.shl (local.get $c) (i32.const 3)))) (i32.load (i32.add (global.get $hVals) (i32.shl (local.get $c) (i32.const 2))))
            (local.get $key) (local.get $val))))
        (f64.store (i32.add (global.get $hKeys) (i32.shl (local.get $k) (i32.const 3))) (f64.load (i32.add (global.get $hKeys) (i32.shl (local.get $c) (i32.const 3)))))
        (i32.store (i32.add (global.get $hVals) (i32.shl (local.get $k) (i32.const 2))) (i32.load (i32.add (global.get $hVals) (i32.shl (local.get $c) (i32.const 2)))))
        (local.set $k (local.get $c))
        (br $down)))
    (f64.store (i32.add (global.get $hKeys) (i32.shl (local.get $k) (i32.const 3))) (local.get $key))
    (i32.store (i32.add (global.get $hVals) (i32.shl (local.get $k) (i32.const 2))) (local.get $val))
    (local.get $top))

  (func $unlink (param $node i32)
    (local $b i32) (local $p i32) (local $n i32)
    (local.set $b (i32.load (i32.add (global.get $bucketOf) (i32.shl (local.get $node) (i32.const 2)))))
    (if (i32.ne (local.get $b) (i32.const -1))
      (then
        (local.set $p (i32.load (i32.add (global.get $prev) (i32.shl (local.get $node) (i32.const 2)))))
        (local.set $n (i32.load (i32.add (global.get $next) (i32.shl (local.get $node) (i32.const 2)))))
        (if (i32.ne (local.get $p) (i32.const -1))
          (then (i32.store (i32.add (global.get $next) (i32.shl (local.get $p) (i32.const 2))) (local.get $n)))
          (else (i32.store (i32.add (global.get $head) (i32.shl (local.get $b) (i32.const 2))) (local.get $n))))
        (if (i32.ne (local.get $n) (i32.const -1))
          (then (i32.store (i32.add (global.get $prev) (i32.shl (local.get $n) (i32.const 2))) (local.get $p))))
        (i32.store (i32.add (global.get $bucketOf) (i32.shl (local.get $node) (i32.const 2))) (i32.const -1))
        (global.set $count (i32.sub (global.get $count) (i32.const 1)))
        (return)))
    ;; A node in the overflow heap moving: its heap entry becomes stale.
    (f64.store (i32.add (global.get $ovKey) (i32.shl (local.get $node) (i32.const 3))) (f64.const inf)))

  (func $qset (param $node i32) (param $d f64)
    (local $b i32) (local $h i32)
    (call $unlink (local.get $node))
    (if (i32.and (i32.and (f64.lt (local.get $d) (f64.const 4096)) (f64.ge (local.get $d) (f64.const 0)))
          (f64.eq (local.get $d) (f64.trunc (local.get $d))))
      (then
        (local.set $b (i32.trunc_f64_s (local.get $d)))
        (local.set $h (i32.load (i32.add (global.get $head) (i32.shl (local.get $b) (i32.const 2)))))
        (i32.store (i32.add (global.get $next) (i32.shl (local.get $node) (i32.const 2))) (local.get $h))
        (i32.store (i32.add (global.get $prev) (i32.shl (local.get $node) (i32.const 2))) (i32.const -1))
        (if (i32.ne (local.get $h) (i32.const -1))
          (then (i32.store (i32.add (global.get $prev) (i32.shl (local.get $h) (i32.const 2))) (local.get $node))))
        (i32.store (i32.add (global.get $head) (i32.shl (local.get $b) (i32.const 2))) (local.get $node))
        (i32.store (i32.add (global.get $bucketOf) (i32.shl (local.get $node) (i32.const 2))) (local.get $b))
        (global.set $count (i32.add (global.get $count) (i32.const 1)))
        (if (i32.lt_s (local.get $b) (global.get $cursor)) (then (global.set $cursor (local.get $b)))))
      (else
        (f64.store (i32.add (global.get $ovKey) (i32.shl (local.get $node) (i32.const 3))) (local.get $d))
        (call $heapPush (local.get $d) (local.get $node)))))

  (func $qpop (result i32)
    (local $node i32) (local $d f64)
    (if (i32.gt_s (global.get $count) (i32.const 0))
      (then
        (block $found
          (loop $scan
            (br_if $found (i32.ne (i32.load (i32.add (global.get $head) (i32.shl (global.get $cursor) (i32.const 2)))) (i32.const -1)))
            (global.set $cursor (i32.add (global.get $cursor) (i32.const 1)))
            (br $scan)))
        (local.set $node (i32.load (i32.add (global.get $head) (i32.shl (global.get $cursor) (i32.const 2)))))
        (call $unlink (local.get $node))
        (return (local.get $node))))
    (block $empty
      (loop $stale
        (br_if $empty (i32.eqz (global.get $hSize)))
        (local.set $d (f64.load (i32.add (global.get $hKeys) (i32.shl (i32.const 0) (i32.const 3)))))
        (local.set $node (call $heapPop))
        (if (f64.eq (f64.load (i32.add (global.get $ovKey) (i32.shl (local.get $node) (i32.const 3)))) (local.get $d))
          (then
            (f64.store (i32.add (global.get $ovKey) (i32.shl (local.get $node) (i32.const 3))) (f64.const inf))
            (return (local.get $node))))
        (br $stale)))
    (i32.const -1))

;; Augmenting row reduction (lap-sparse.ts, reduceRows) over the rows at $queue ($n of them, i32;
  ;; $next has room for as many): a free row takes its cheapest column and lowers that column's
  ;; potential to the row's second-cheapest option; a row it displaces continues. At most $steps row
  ;; steps in all and $passes passes. Leaves the rows still free at $queue; returns their number.
  (func (export "reduceRows") (param $queue i32) (param $next i32) (param $n i32) (param $steps i32) (param $passes i32)
    (result i32)
    (local $pass i32) (local $q i32) (local $nNext i32) (local $r i32) (local $g i32) (local $k i32) (local $end i32)
    (local $h i32) (local $c f64) (local $j i32) (local $jEnd i32) (local $rc f64)
    (local $best1 f64) (local $best2 f64) (local $j1 i32) (local $j2 i32) (local $gap f64) (local $prev i32)
    (local $tmp i32) (local $moves i32)
    (block $passesDone
      (loop $passLoop
        (br_if $passesDone (i32.or (i32.ge_s (local.get $pass) (local.get $passes)) (i32.eqz (local.get $n))))
        (local.set $nNext (i32.const 0))
        (local.set $q (i32.const 0))
        (block $queueDone
          (loop $queueLoop
            (br_if $queueDone (i32.ge_s (local.get $q) (local.get $n)))
            (local.set $r (i32.load (i32.add (local.get $queue) (i32.shl (local.get $q) (i32.const 2)))))
            (block $chainDone
              (loop $chain
                (br_if $chainDone (i32.lt_s (local.get $r) (i32.const 0)))
                (if (i32.le_s (local.get $steps) (i32.const 0))
                  (then
                    (local.set $steps (i32.sub (local.get $steps) (i32.const 1)))
                    (i32.store (i32.add (local.get $next) (i32.shl (local.get $nNext) (i32.const 2))) (local.get $r))
                    (local.set $nNext (i32.add (local.get $nNext) (i32.const 1)))
                    (br $chainDone)))
                (local.set $steps (i32.sub (local.get $steps) (i32.const 1)))
                ;; Lowest and second-lowest reduced cost of row r (the dummy first; first index wins ties).
                (local.set $j1 (i32.add (global.get $nC) (local.get $r)))
                (local.set $best1 (f64.sub (global.get $D) (f64.load (i32.add (global.get $v) (i32.shl (local.get $j1) (i32.const 3))))))
                (local.set $best2 (f64.const inf))
                (local.set $j2 (i32.const -1))
                (local.set $g (i32.load (i32.add (global.get $rowGroup) (i32.shl (local.get $r) (i32.const 2)))))
                (local.set $k (i32.load (i32.add (global.get $adjStart) (i32.shl (local.get $g) (i32.const 2)))))
                (local.set $end (i32.load (i32.add (global.get $adjStart) (i32.shl (i32.add (local.get $g) (i32.const 1)) (i32.const 2)))))
                (block $edgesDone
                  (loop $edges
                    (br_if $edgesDone (i32.ge_s (local.get $k) (local.get $end)))
                    (local.set $h (i32.load (i32.add (global.get $adjCol) (i32.shl (local.get $k) (i32.const 2)))))
                    (local.set $c (f64.load (i32.add (global.get $adjCost) (i32.shl (local.get $k) (i32.const 3)))))
                    (local.set $j (i32.load (i32.add (global.get $colSlotStart) (i32.shl (local.get $h) (i32.const 2)))))
                    (local.set $jEnd (i32.load (i32.add (global.get $colSlotStart) (i32.shl (i32.add (local.get $h) (i32.const 1)) (i32.const 2)))))
                    (block $slotsDone
                      (loop $slots
                        (br_if $slotsDone (i32.ge_s (local.get $j) (local.get $jEnd)))
                        (local.set $rc (f64.sub (local.get $c) (f64.load (i32.add (global.get $v) (i32.shl (local.get $j) (i32.const 3))))))
                        (if (f64.lt (local.get $rc) (local.get $best2))
                          (then
                            (if (f64.lt (local.get $rc) (local.get $best1))
                              (then
                                (local.set $best2 (local.get $best1))
                                (local.set $j2 (local.get $j1))
                                (local.set $best1 (local.get $rc))
                                (local.set $j1 (local.get $j)))
                              (else
                                (local.set $best2 (local.get $rc))
                                (local.set $j2 (local.get $j))))))
                        (local.set $j (i32.add (local.get $j) (i32.const 1)))
                        (br $slots)))
                    (local.set $k (i32.add (local.get $k) (i32.const 1)))
                    (br $edges)))
                (local.set $gap (f64.sub (local.get $best2) (local.get $best1)))
                (local.set $j (local.get $j1))
                (local.set $moves (i32.and (f64.gt (local.get $gap) (f64.const 0)) (f64.ne (local.get $gap) (f64.const inf))))
                (if (local.get $moves)
                  (then
                    (f64.store (i32.add (global.get $v) (i32.shl (local.get $j) (i32.const 3)))
                      (f64.sub (f64.load (i32.add (global.get $v) (i32.shl (local.get $j) (i32.const 3)))) (local.get $gap)))
                    (f64.store (i32.add (global.get $u) (i32.shl (local.get $r) (i32.const 3))) (local.get $best2)))
                  (else
                    (f64.store (i32.add (global.get $u) (i32.shl (local.get $r) (i32.const 3))) (local.get $best1))
                    (if (i32.and (f64.eq (local.get $gap) (f64.const 0))
                          (i32.ne (i32.load (i32.add (global.get $colMatch) (i32.shl (local.get $j) (i32.const 2)))) (i32.const -1)))
                      (then (local.set $j (local.get $j2))))))
                (local.set $prev (i32.load (i32.add (global.get $colMatch) (i32.shl (local.get $j) (i32.const 2)))))
                (i32.store (i32.add (global.get $rowMatch) (i32.shl (local.get $r) (i32.const 2))) (local.get $j))
                (i32.store (i32.add (global.get $colMatch) (i32.shl (local.get $j) (i32.const 2))) (local.get $r))
                (local.set $r (i32.const -1))
                (if (i32.ge_s (local.get $prev) (i32.const 0))
                  (then
                    (i32.store (i32.add (global.get $rowMatch) (i32.shl (local.get $prev) (i32.const 2))) (i32.const -1))
                    (if (local.get $moves)
                      (then (local.set $r (local.get $prev)))
                      (else
                        (i32.store (i32.add (local.get $next) (i32.shl (local.get $nNext) (i32.const 2))) (local.get $prev))
                        (local.set $nNext (i32.add (local.get $nNext) (i32.const 1)))))))
                (br $chain)))
            (local.set $q (i32.add (local.get $q) (i32.const 1)))
            (br $queueLoop)))
        ;; The next pass works on the rows left over.
        (local.set $tmp (local.get $queue))
        (local.set $queue (local.get $next))
        (local.set $next (local.get $tmp))
        (local.set $n (local.get $nNext))
        (local.set $pass (i32.add (local.get $pass) (i32.const 1)))
        (br $passLoop)))
    (local.get $n))

    ;; One free row r0's search, augmentation and potential update (augmentAll's loop body). $directCol
  ;; (-1: none) is the free column priced directly at $directDist. Returns the sink column; stores at
  ;; 0 the columns settled and at 4 whether the sink is the directly priced pair.
  (func (export "augment") (param $r0 i32) (param $directCol i32) (param $directDist f64) (result i32)
    (local $nTouched i32) (local $nSettled i32) (local $r i32) (local $dr f64) (local $sink i32)
    (local $dSink f64) (local $freeCol i32) (local $freeDist f64) (local $g i32) (local $base f64)
    (local $k i32) (local $end i32) (local $h i32) (local $c f64) (local $j i32) (local $jEnd i32)
    (local $nd f64) (local $d f64) (local $s i32) (local $delta f64) (local $rr i32) (local $nx i32)
    (local $dist i32) (local $v i32) (local $done i32) (local $colMatch i32) (local $b i32) (local $p i32)
    (local.set $dist (global.get $dist))
    (local.set $v (global.get $v))
    (local.set $done (global.get $done))
    (local.set $colMatch (global.get $colMatch))
    (local.set $r (local.get $r0))
    (local.set $freeCol (i32.const -1))
    (local.set $freeDist (f64.const inf))
    (if (i32.ge_s (local.get $directCol) (i32.const 0))
      (then
        (local.set $freeCol (local.get $directCol))
        (local.set $freeDist (local.get $directDist))
        (i32.store (i32.add (global.get $touched) (i32.shl (i32.const 0) (i32.const 2))) (local.get $directCol))
        (local.set $nTouched (i32.const 1))
        (f64.store (i32.add (local.get $dist) (i32.shl (local.get $directCol) (i32.const 3))) (local.get $directDist))
        (i32.store (i32.add (global.get $pred) (i32.shl (local.get $directCol) (i32.const 2))) (local.get $r0))
        (if (f64.gt (local.get $directDist) (f64.const 0))
          (then (call $qset (local.get $directCol) (local.get $directDist))))))
    (block $found
      (loop $search
        (if (i32.and (f64.le (local.get $freeDist) (f64.const 0)) (i32.ge_s (local.get $directCol) (i32.const 0)))
          (then
            (local.set $sink (local.get $directCol))
            (local.set $dSink (local.get $freeDist))
            (br $found)))
        ;; Relax the edges of row r, reached at distance dr; k = end is the row's dummy column.
        (local.set $g (i32.load (i32.add (global.get $rowGroup) (i32.shl (local.get $r) (i32.const 2)))))
        (local.set $base (f64.sub (local.get $dr) (f64.load (i32.add (global.get $u) (i32.shl (local.get $r) (i32.const 3))))))
        (local.set $k (i32.load (i32.add (global.get $adjStart) (i32.shl (local.get $g) (i32.const 2)))))
        (local.set $end (i32.load (i32.add (global.get $adjStart) (i32.shl (i32.add (local.get $g) (i32.const 1)) (i32.const 2)))))
        (block $edgesDone
          (loop $edges
            (br_if $edgesDone (i32.gt_s (local.get $k) (local.get $end)))
            (if (i32.eq (local.get $k) (local.get $end))
              (then
                (local.set $j (i32.add (global.get $nC) (local.get $r)))
                (local.set $jEnd (i32.add (local.get $j) (i32.const 1)))
                (local.set $c (f64.add (local.get $base) (global.get $D))))
              (else
                (local.set $h (i32.load (i32.add (global.get $adjCol) (i32.shl (local.get $k) (i32.const 2)))))
                (local.set $c (f64.add (local.get $base) (f64.load (i32.add (global.get $adjCost) (i32.shl (local.get $k) (i32.const 3))))))
                (if (global.get $unit)
                  (then
                    (local.set $j (local.get $h))
                    (local.set $jEnd (i32.add (local.get $h) (i32.const 1))))
                  (else
                    (local.set $j (i32.load (i32.add (global.get $colSlotStart) (i32.shl (local.get $h) (i32.const 2)))))
                    (local.set $jEnd (i32.load (i32.add (global.get $colSlotStart) (i32.shl (i32.add (local.get $h) (i32.const 1)) (i32.const 2)))))))))
            (block $slotsDone
              (loop $slots
                (br_if $slotsDone (i32.ge_s (local.get $j) (local.get $jEnd)))
                (if (i32.eqz (i32.load8_u (i32.add (local.get $done) (local.get $j))))
                  (then
                    (local.set $nd (f64.sub (local.get $c) (f64.load (i32.add (local.get $v) (i32.shl (local.get $j) (i32.const 3))))))
                    (local.set $d (f64.load (i32.add (local.get $dist) (i32.shl (local.get $j) (i32.const 3)))))
                    (if (f64.lt (local.get $nd) (local.get $d))
                      (then
                        (if (f64.eq (local.get $d) (f64.const inf))
                          (then
                            (i32.store (i32.add (global.get $touched) (i32.shl (local.get $nTouched) (i32.const 2))) (local.get $j))
                            (local.set $nTouched (i32.add (local.get $nTouched) (i32.const 1)))))
                        (f64.store (i32.add (local.get $dist) (i32.shl (local.get $j) (i32.const 3))) (local.get $nd))
                        (i32.store (i32.add (global.get $pred) (i32.shl (local.get $j) (i32.const 2))) (local.get $r))
                        ;; The queue: unlink j from its bucket (or make its heap entry stale), then file it.
                        (local.set $b (i32.load (i32.add (global.get $bucketOf) (i32.shl (local.get $j) (i32.const 2)))))
                        (if (i32.ne (local.get $b) (i32.const -1))
                          (then
                            (local.set $p (i32.load (i32.add (global.get $prev) (i32.shl (local.get $j) (i32.const 2)))))
                            (local.set $nx (i32.load (i32.add (global.get $next) (i32.shl (local.get $j) (i32.const 2)))))
                            (if (i32.ne (local.get $p) (i32.const -1))
                              (then (i32.store (i32.add (global.get $next) (i32.shl (local.get $p) (i32.const 2))) (local.get $nx)))
                              (else (i32.store (i32.add (global.get $head) (i32.shl (local.get $b) (i32.const 2))) (local.get $nx))))
                            (if (i32.ne (local.get $nx) (i32.const -1))
                              (then (i32.store (i32.add (global.get $prev) (i32.shl (local.get $nx) (i32.const 2))) (local.get $p))))
                            (i32.store (i32.add (global.get $bucketOf) (i32.shl (local.get $j) (i32.const 2))) (i32.const -1))
                            (global.set $count (i32.sub (global.get $count) (i32.const 1))))
                          (else (f64.store (i32.add (global.get $ovKey) (i32.shl (local.get $j) (i32.const 3))) (f64.const inf))))
                        (if (i32.and (i32.and (f64.lt (local.get $nd) (f64.const 4096)) (f64.ge (local.get $nd) (f64.const 0)))
                              (f64.eq (local.get $nd) (f64.trunc (local.get $nd))))
                          (then
                            (local.set $b (i32.trunc_f64_s (local.get $nd)))
                            (local.set $nx (i32.load (i32.add (global.get $head) (i32.shl (local.get $b) (i32.const 2)))))
                            (i32.store (i32.add (global.get $next) (i32.shl (local.get $j) (i32.const 2))) (local.get $nx))
                            (i32.store (i32.add (global.get $prev) (i32.shl (local.get $j) (i32.const 2))) (i32.const -1))
                            (if (i32.ne (local.get $nx) (i32.const -1))
                              (then (i32.store (i32.add (global.get $prev) (i32.shl (local.get $nx) (i32.const 2))) (local.get $j))))
                            (i32.store (i32.add (global.get $head) (i32.shl (local.get $b) (i32.const 2))) (local.get $j))
                            (i32.store (i32.add (global.get $bucketOf) (i32.shl (local.get $j) (i32.const 2))) (local.get $b))
                            (global.set $count (i32.add (global.get $count) (i32.const 1)))
                            (if (i32.lt_s (local.get $b) (global.get $cursor)) (then (global.set $cursor (local.get $b)))))
                          (else
                            (f64.store (i32.add (global.get $ovKey) (i32.shl (local.get $j) (i32.const 3))) (local.get $nd))
                            (call $heapPush (local.get $nd) (local.get $j))))
                        (if (i32.and (f64.lt (local.get $nd) (local.get $freeDist))
                              (i32.eq (i32.load (i32.add (local.get $colMatch) (i32.shl (local.get $j) (i32.const 2)))) (i32.const -1)))
                          (then
                            (local.set $freeDist (local.get $nd))
                            (local.set $freeCol (local.get $j))))))))
                (local.set $j (i32.add (local.get $j) (i32.const 1)))
                (br $slots)))
            (local.set $k (i32.add (local.get $k) (i32.const 1)))
            (br $edges)))
        ;; A free column as near as the row itself cannot be beaten (JV's shortcut).
        (if (f64.eq (local.get $freeDist) (local.get $dr))
          (then
            (local.set $sink (local.get $freeCol))
            (local.set $dSink (local.get $dr))
            (br $found)))
        ;; Settle the nearest column, unless the nearest free column is at least as near.
        (local.set $j (call $qpop))
        (if (i32.lt_s (local.get $j) (i32.const 0)) (then (unreachable)))
        (local.set $d (f64.load (i32.add (local.get $dist) (i32.shl (local.get $j) (i32.const 3)))))
        (if (f64.ge (local.get $d) (local.get $freeDist))
          (then
            (local.set $sink (local.get $freeCol))
            (local.set $dSink (local.get $freeDist))
            (br $found)))
        (i32.store8 (i32.add (local.get $done) (local.get $j)) (i32.const 1))
        (i32.store (i32.add (global.get $settled) (i32.shl (local.get $nSettled) (i32.const 2))) (local.get $j))
        (local.set $nSettled (i32.add (local.get $nSettled) (i32.const 1)))
        (local.set $r (i32.load (i32.add (local.get $colMatch) (i32.shl (local.get $j) (i32.const 2)))))
        (local.set $dr (local.get $d))
        (br $search)))
    (i32.store (i32.const 0) (local.get $nSettled))
    (i32.store (i32.const 4)
      (i32.and (i32.eq (local.get $sink) (local.get $directCol))
        (i32.eq (i32.load (i32.add (global.get $pred) (i32.shl (local.get $sink) (i32.const 2)))) (local.get $r0))))
    (local.set $s (i32.const 0))
    (block $potDone
      (loop $pot
        (br_if $potDone (i32.ge_s (local.get $s) (local.get $nSettled)))
        (local.set $j (i32.load (i32.add (global.get $settled) (i32.shl (local.get $s) (i32.const 2)))))
        (local.set $delta (f64.sub (local.get $dSink) (f64.load (i32.add (local.get $dist) (i32.shl (local.get $j) (i32.const 3))))))
        (if (f64.gt (local.get $delta) (f64.const 0))
          (then
            (f64.store (i32.add (local.get $v) (i32.shl (local.get $j) (i32.const 3))) (f64.sub (f64.load (i32.add (local.get $v) (i32.shl (local.get $j) (i32.const 3)))) (local.get $delta)))
            (local.set $rr (i32.load (i32.add (local.get $colMatch) (i32.shl (local.get $j) (i32.const 2)))))
            (if (i32.ge_s (local.get $rr) (i32.const 0))
              (then
                (f64.store (i32.add (global.get $u) (i32.shl (local.get $rr) (i32.const 3))) (f64.add (f64.load (i32.add (global.get $u) (i32.shl (local.get $rr) (i32.const 3)))) (local.get $delta)))))))
        (local.set $s (i32.add (local.get $s) (i32.const 1)))
        (br $pot)))
    (f64.store (i32.add (global.get $u) (i32.shl (local.get $r0) (i32.const 3))) (f64.add (f64.load (i32.add (global.get $u) (i32.shl (local.get $r0) (i32.const 3)))) (local.get $dSink)))
    (local.set $j (local.get $sink))
    (block $augmented
      (loop $path
        (local.set $rr (i32.load (i32.add (global.get $pred) (i32.shl (local.get $j) (i32.const 2)))))
        (local.set $nx (i32.load (i32.add (global.get $rowMatch) (i32.shl (local.get $rr) (i32.const 2)))))
        (i32.store (i32.add (global.get $rowMatch) (i32.shl (local.get $rr) (i32.const 2))) (local.get $j))
        (i32.store (i32.add (local.get $colMatch) (i32.shl (local.get $j) (i32.const 2))) (local.get $rr))
        (br_if $augmented (i32.eq (local.get $rr) (local.get $r0)))
        (local.set $j (local.get $nx))
        (br $path)))
    ;; Empty the queue and reset the touched columns.
    (local.set $s (i32.const 0))
    (block $clearDone
      (loop $clear
        (br_if $clearDone (i32.ge_s (local.get $s) (local.get $nTouched)))
        (local.set $j (i32.load (i32.add (global.get $touched) (i32.shl (local.get $s) (i32.const 2)))))
        (local.set $rr (i32.load (i32.add (global.get $bucketOf) (i32.shl (local.get $j) (i32.const 2)))))
        (if (i32.ne (local.get $rr) (i32.const -1))
          (then
            (i32.store (i32.add (global.get $head) (i32.shl (local.get $rr) (i32.const 2))) (i32.const -1))
            (i32.store (i32.add (global.get $bucketOf) (i32.shl (local.get $j) (i32.const 2))) (i32.const -1))))
        (f64.store (i32.add (global.get $ovKey) (i32.shl (local.get $j) (i32.const 3))) (f64.const inf))
        (f64.store (i32.add (local.get $dist) (i32.shl (local.get $j) (i32.const 3))) (f64.const inf))
        (i32.store8 (i32.add (local.get $done) (local.get $j)) (i32.const 0))
        (local.set $s (i32.add (local.get $s) (i32.const 1)))
        (br $clear)))
    (global.set $hSize (i32.const 0))
    (global.set $cursor (i32.const 0))
    (global.set $count (i32.const 0))
    (local.get $sink))

  ;; ---------------------------------------------------------------------------------------------
  ;; The candidate graph (edge-set.ts): CSR rows by mentee, each sorted by mentor without repeats.

  ;; edgesFromPairs: $len pairs (mentee i32 at $me, mentor i32 at $mm, units f64 at $mu), mentors
  ;; below $nM. Counting sort by mentor ($byMentor: nM + 1 i32, $order: len i32), then stable by
  ;; mentee into ($start: nE + 1 i32, $fill: nE i32, $outM, $outU), repeats dropped in place.
  ;; Returns the number of edges kept; $start ends up as the compacted row starts.
  (func (export "edgesFromPairs")
    (param $nE i32) (param $nM i32) (param $len i32) (param $me i32) (param $mm i32) (param $mu i32)
    (param $byMentor i32) (param $order i32) (param $start i32) (param $fill i32) (param $outM i32) (param $outU i32)
    (result i32)
    (local $i i32) (local $x i32) (local $at i32) (local $ep i32) (local $lo i32) (local $hi i32) (local $out i32)
    ;; Pass 1: positions ordered by mentor.
    (local.set $i (i32.const 0))
    (block $d1 (loop $l1
      (br_if $d1 (i32.ge_s (local.get $i) (local.get $len)))
      (local.set $at (i32.add (local.get $byMentor)
        (i32.shl (i32.add (i32.load (i32.add (local.get $mm) (i32.shl (local.get $i) (i32.const 2)))) (i32.const 1)) (i32.const 2))))
      (i32.store (local.get $at) (i32.add (i32.load (local.get $at)) (i32.const 1)))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $l1)))
    (local.set $i (i32.const 0))
    (block $d2 (loop $l2
      (br_if $d2 (i32.ge_s (local.get $i) (local.get $nM)))
      (local.set $at (i32.add (local.get $byMentor) (i32.shl (i32.add (local.get $i) (i32.const 1)) (i32.const 2))))
      (i32.store (local.get $at)
        (i32.add (i32.load (local.get $at)) (i32.load (i32.add (local.get $byMentor) (i32.shl (local.get $i) (i32.const 2))))))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $l2)))
    (local.set $i (i32.const 0))
    (block $d3 (loop $l3
      (br_if $d3 (i32.ge_s (local.get $i) (local.get $len)))
      (local.set $at (i32.add (local.get $byMentor)
        (i32.shl (i32.load (i32.add (local.get $mm) (i32.shl (local.get $i) (i32.const 2)))) (i32.const 2))))
      (local.set $x (i32.load (local.get $at)))
      (i32.store (i32.add (local.get $order) (i32.shl (local.get $x) (i32.const 2))) (local.get $i))
      (i32.store (local.get $at) (i32.add (local.get $x) (i32.const 1)))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $l3)))
    ;; Pass 2: stable by mentee, so each row keeps the mentor order.
    (local.set $i (i32.const 0))
    (block $d4 (loop $l4
      (br_if $d4 (i32.ge_s (local.get $i) (local.get $len)))
      (local.set $at (i32.add (local.get $start)
        (i32.shl (i32.add (i32.load (i32.add (local.get $me) (i32.shl (local.get $i) (i32.const 2)))) (i32.const 1)) (i32.const 2))))
      (i32.store (local.get $at) (i32.add (i32.load (local.get $at)) (i32.const 1)))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $l4)))
    (local.set $i (i32.const 0))
    (block $d5 (loop $l5
      (br_if $d5 (i32.ge_s (local.get $i) (local.get $nE)))
      (local.set $at (i32.add (local.get $start) (i32.shl (i32.add (local.get $i) (i32.const 1)) (i32.const 2))))
      (local.set $x (i32.load (i32.add (local.get $start) (i32.shl (local.get $i) (i32.const 2)))))
      (i32.store (i32.add (local.get $fill) (i32.shl (local.get $i) (i32.const 2))) (local.get $x))
      (i32.store (local.get $at) (i32.add (i32.load (local.get $at)) (local.get $x)))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $l5)))
    (local.set $i (i32.const 0))
    (block $d6 (loop $l6
      (br_if $d6 (i32.ge_s (local.get $i) (local.get $len)))
      (local.set $x (i32.load (i32.add (local.get $order) (i32.shl (local.get $i) (i32.const 2)))))
      (local.set $ep (i32.load (i32.add (local.get $me) (i32.shl (local.get $x) (i32.const 2)))))
      (local.set $at (i32.load (i32.add (local.get $fill) (i32.shl (local.get $ep) (i32.const 2)))))
      (i32.store (i32.add (local.get $outM) (i32.shl (local.get $at) (i32.const 2)))
        (i32.load (i32.add (local.get $mm) (i32.shl (local.get $x) (i32.const 2)))))
      (f64.store (i32.add (local.get $outU) (i32.shl (local.get $at) (i32.const 3)))
        (f64.load (i32.add (local.get $mu) (i32.shl (local.get $x) (i32.const 3)))))
      (i32.store (i32.add (local.get $fill) (i32.shl (local.get $ep) (i32.const 2))) (i32.add (local.get $at) (i32.const 1)))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $l6)))
    ;; Compact without repeats (a pair always has the same units); row starts rewritten in place.
    (local.set $ep (i32.const 0))
    (local.set $lo (i32.load (local.get $start)))
    (block $d7 (loop $l7
      (br_if $d7 (i32.ge_s (local.get $ep) (local.get $nE)))
      (local.set $hi (i32.load (i32.add (local.get $start) (i32.shl (i32.add (local.get $ep) (i32.const 1)) (i32.const 2)))))
      (i32.store (i32.add (local.get $start) (i32.shl (local.get $ep) (i32.const 2))) (local.get $out))
      (local.set $i (local.get $lo))
      (block $d8 (loop $l8
        (br_if $d8 (i32.ge_s (local.get $i) (local.get $hi)))
        (local.set $x (i32.load (i32.add (local.get $outM) (i32.shl (local.get $i) (i32.const 2)))))
        (if (i32.or (i32.eq (local.get $i) (local.get $lo))
              (i32.ne (local.get $x) (i32.load (i32.add (local.get $outM) (i32.shl (i32.sub (local.get $i) (i32.const 1)) (i32.const 2))))))
          (then
            (i32.store (i32.add (local.get $outM) (i32.shl (local.get $out) (i32.const 2))) (local.get $x))
            (f64.store (i32.add (local.get $outU) (i32.shl (local.get $out) (i32.const 3)))
              (f64.load (i32.add (local.get $outU) (i32.shl (local.get $i) (i32.const 3)))))
            (local.set $out (i32.add (local.get $out) (i32.const 1)))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $l8)))
      (local.set $lo (local.get $hi))
      (local.set $ep (i32.add (local.get $ep) (i32.const 1)))
      (br $l7)))
    (i32.store (i32.add (local.get $start) (i32.shl (local.get $nE) (i32.const 2))) (local.get $out))
    (local.get $out))

  ;; withEdges: the union of two graphs ($sS/$sM/$sU and $xS/$xM/$xU), row by row a merge of two
  ;; lists sorted by mentor (a pair in both is taken once, from the first). Writes $oS (nE + 1),
  ;; $oM, $oU; returns the number of edges.
  (func (export "withEdges")
    (param $nE i32) (param $sS i32) (param $sM i32) (param $sU i32) (param $xS i32) (param $xM i32) (param $xU i32)
    (param $oS i32) (param $oM i32) (param $oU i32)
    (result i32)
    (local $ep i32) (local $k i32) (local $end i32) (local $x i32) (local $xEnd i32) (local $a i32) (local $b i32) (local $out i32)
    (block $rowsDone (loop $rows
      (br_if $rowsDone (i32.ge_s (local.get $ep) (local.get $nE)))
      (i32.store (i32.add (local.get $oS) (i32.shl (local.get $ep) (i32.const 2))) (local.get $out))
      (local.set $k (i32.load (i32.add (local.get $sS) (i32.shl (local.get $ep) (i32.const 2)))))
      (local.set $end (i32.load (i32.add (local.get $sS) (i32.shl (i32.add (local.get $ep) (i32.const 1)) (i32.const 2)))))
      (local.set $x (i32.load (i32.add (local.get $xS) (i32.shl (local.get $ep) (i32.const 2)))))
      (local.set $xEnd (i32.load (i32.add (local.get $xS) (i32.shl (i32.add (local.get $ep) (i32.const 1)) (i32.const 2)))))
      (block $mergeDone (loop $merge
        (br_if $mergeDone (i32.and (i32.ge_s (local.get $k) (local.get $end)) (i32.ge_s (local.get $x) (local.get $xEnd))))
        (local.set $a (select (i32.load (i32.add (local.get $sM) (i32.shl (local.get $k) (i32.const 2)))) (i32.const 0x7fffffff)
          (i32.lt_s (local.get $k) (local.get $end))))
        (local.set $b (select (i32.load (i32.add (local.get $xM) (i32.shl (local.get $x) (i32.const 2)))) (i32.const 0x7fffffff)
          (i32.lt_s (local.get $x) (local.get $xEnd))))
        (if (i32.le_s (local.get $a) (local.get $b))
          (then
            (i32.store (i32.add (local.get $oM) (i32.shl (local.get $out) (i32.const 2))) (local.get $a))
            (f64.store (i32.add (local.get $oU) (i32.shl (local.get $out) (i32.const 3)))
              (f64.load (i32.add (local.get $sU) (i32.shl (local.get $k) (i32.const 3)))))
            (local.set $k (i32.add (local.get $k) (i32.const 1)))
            (if (i32.eq (local.get $a) (local.get $b)) (then (local.set $x (i32.add (local.get $x) (i32.const 1))))))
          (else
            (i32.store (i32.add (local.get $oM) (i32.shl (local.get $out) (i32.const 2))) (local.get $b))
            (f64.store (i32.add (local.get $oU) (i32.shl (local.get $out) (i32.const 3)))
              (f64.load (i32.add (local.get $xU) (i32.shl (local.get $x) (i32.const 3)))))
            (local.set $x (i32.add (local.get $x) (i32.const 1)))))
        (local.set $out (i32.add (local.get $out) (i32.const 1)))
        (br $merge)))
      (local.set $ep (i32.add (local.get $ep) (i32.const 1)))
      (br $rows)))
    (i32.store (i32.add (local.get $oS) (i32.shl (local.get $nE) (i32.const 2))) (local.get $out))
    (local.get $out))
)

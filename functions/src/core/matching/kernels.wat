;; Tandem's two hot loops as WebAssembly (assembled by `npm run build:kernels` into kernels-wasm.ts).
;; They do exactly what the JavaScript versions in row-source.ts (fastRow) and row-tasks.ts (scanFull)
;; do, pair for pair; test/unit/matching/kernels.test.ts holds them together. Each thread instantiates
;; the module with its own memory; the caller lays its arrays out in it (see kernels.ts).
(module
  (memory (export "memory") 1)

  ;; The dual check of one row (row-tasks.ts, scanFull): $row holds the row's values (u16, 0 =
  ;; forbidden), $pm the mentors' potentials (i32), $ig the graph stamps (i32, = $ep: a graph edge of
  ;; this row). Counts pairs with threshold − value − potential < 0 and keeps the NEAR + 1 = 5 smallest
  ;; such reduced costs outside the graph, sorted (ties: the smaller index first), at 0 (i32[5]) and
  ;; 32 (their mentors). Returns violations << 8 | kept. $gate0 stands for "no gate yet" (above every
  ;; reduced cost of a pair that counts). Eight pairs at a time: a block is skipped when no pair in it
  ;; passes the gate; otherwise its pairs go one by one through the scalar rules.
  (func (export "scan")
    (param $n i32) (param $row i32) (param $pm i32) (param $ig i32) (param $ep i32) (param $t i32) (param $gate0 i32)
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
              (then (local.set $viol (i32.add (local.get $viol) (i32.const 1)))))
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
  ;; 0 = forbidden) at $out; returns the row's best value. Mentor m's record is 32 bytes at $rec + 32m:
  ;; languages, topics, interests (two words) as i32; the byte offsets from $tab of its availability
  ;; and class entries (i32); its hire day (f64, NaN = unknown). At $tab the row's tables (i32): topic
  ;; points by common topics, from $tab + 256 interest points by common interests; the class entries
  ;; hold −1 − points when seniority by hire date is still to add.
  (func (export "score")
    (param $n i32) (param $langE i32) (param $topE i32) (param $intLo i32) (param $intHi i32)
    (param $hireE f64) (param $full i32) (param $half i32) (param $rec i32) (param $tab i32) (param $out i32)
    (result i32)
    (local $end i32) (local $c i32) (local $d f64) (local $value i32) (local $best i32)
    (local.set $end (i32.add (local.get $out) (i32.shl (local.get $n) (i32.const 1))))
    (block $done
      (loop $pairs
        (br_if $done (i32.ge_u (local.get $out) (local.get $end)))
        (local.set $c (i32.load (i32.add (local.get $tab) (i32.load offset=20 (local.get $rec)))))
        (if (i32.lt_s (local.get $c) (i32.const 0))
          (then
            ;; NaN (an unknown hire date) fails both comparisons: no points.
            (local.set $d (f64.sub (f64.load offset=24 (local.get $rec)) (local.get $hireE)))
            (local.set $c
              (i32.add (i32.sub (i32.const -1) (local.get $c))
                (select (local.get $full)
                  (select (local.get $half) (i32.const 0) (f64.ge (local.get $d) (f64.const 365)))
                  (f64.ge (local.get $d) (f64.const 730)))))))
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

  ;; The candidate selection of a scored row (row-source.ts, RowSelection; `best` is the row's final
  ;; best value): keeps the row's $k best (value desc, then index asc) sorted at $rs/$ri (i32) and
  ;; lists at $maybe, ascending, the mentors with value ≠ 0 and value − best ≥ gate (i32 at $gate).
  ;; Stores [kept, listed] at $counts. Eight values at a time: a block is skipped when none of them
  ;; enters the heap or passes its gate.
  (func (export "select")
    (param $n i32) (param $row i32) (param $best i32) (param $k i32) (param $gate i32) (param $maybe i32)
    (param $rs i32) (param $ri i32) (param $counts i32)
    (local $m i32) (local $lim i32) (local $value i32) (local $size i32) (local $rowMin i32)
    (local $nMaybe i32) (local $at i32) (local $v v128) (local $lo v128) (local $hi v128)
    (local $bb v128) (local $zero v128)
    (local.set $rowMin (select (i32.const 0) (i32.const 0x7fffffff) (local.get $k)))
    (local.set $bb (i32x4.splat (local.get $best)))
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
              (i32.store (i32.add (local.get $maybe) (i32.shl (local.get $nMaybe) (i32.const 2))) (local.get $m))
              (local.set $nMaybe (i32.add (local.get $nMaybe) (i32.const 1)))))
          (local.set $m (i32.add (local.get $m) (i32.const 1)))
          (br_if $lane (i32.lt_u (local.get $m) (local.get $lim))))
        (br $outer)))
    (i32.store (local.get $counts) (local.get $size))
    (i32.store offset=4 (local.get $counts) (local.get $nMaybe))
  )
)

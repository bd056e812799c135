/**
 * The part of the WebAssembly JavaScript API that kernels.ts uses, as TypeScript's DOM library
 * declares it. Node.js has the `WebAssembly` global, but @types/node 20 does not declare it and
 * TypeScript declares it only in lib.dom, which the Node project (tsconfig.node.json) leaves out.
 * The tab and test projects have lib.dom and do not include this file.
 */
declare namespace WebAssembly {
  interface Memory {
    readonly buffer: ArrayBuffer;
    grow(delta: number): number;
  }
  interface Module {
    readonly [Symbol.toStringTag]: 'WebAssembly.Module';
  }
  interface Instance {
    readonly exports: Record<string, unknown>;
  }
  const Module: { prototype: Module; new (bytes: ArrayBufferView | ArrayBuffer): Module };
  const Instance: { prototype: Instance; new (module: Module): Instance };
}

/** Assembles WebAssembly text (with SIMD) with wabt, the WebAssembly Binary Toolkit (a devDependency). */
export async function assembleKernels(wat: string): Promise<Uint8Array> {
  // NOTE: wabt ships a CommonJS factory without types.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const wabt = (await (require('wabt') as () => Promise<unknown>)()) as {
    parseWat(
      name: string,
      text: string,
      features: Record<string, boolean>,
    ): {
      validate(): void;
      toBinary(o: Record<string, unknown>): { buffer: Uint8Array };
      destroy(): void;
    };
  };
  const mod = wabt.parseWat('kernels.wat', wat, { simd: true });
  try {
    mod.validate();
    return new Uint8Array(mod.toBinary({}).buffer);
  } finally {
    mod.destroy();
  }
}

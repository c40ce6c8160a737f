// The single executable's main (scripts/build-binary.ts). Node 24's single-executable applications run a CommonJS
// main only, and kview's bundle is ESM (Ink and yoga-layout await at the top level), so the bundle is embedded as
// an asset and evaluated here as a module. It imports nothing but Node's built-in modules, which are linked as
// synthetic modules (vm modules need --experimental-vm-modules, set in the executable's own execArgv).
import {getAsset} from 'node:sea';
import {createRequire} from 'node:module';
import {pathToFileURL} from 'node:url';
import vm from 'node:vm';

const self = pathToFileURL(process.execPath).href;
const requireBuiltin = createRequire(self);

function builtinModule(specifier: string): vm.Module {
  const id = specifier.startsWith('node:') ? specifier : `node:${specifier}`;
  const exported = requireBuiltin(id) as Record<string, unknown>;
  const names = [...new Set(['default', ...Object.keys(exported)])];
  return new vm.SyntheticModule(
    names,
    function (this: vm.SyntheticModule) {
      for (const name of names) this.setExport(name, name === 'default' ? exported : exported[name]);
    },
    {identifier: id},
  );
}

function notBuiltin(specifier: string): never {
  throw new Error(`the bundle imports ${specifier}, which the single executable does not carry`);
}

async function run(): Promise<void> {
  const bundle = new vm.SourceTextModule(getAsset('kview.mjs', 'utf8'), {
    identifier: self,
    initializeImportMeta(meta) {
      meta.url = self;
    },
    importModuleDynamically: async (specifier) => {
      const module = builtinModule(specifier);
      await module.link(notBuiltin);
      await module.evaluate();
      return module;
    },
  });
  await bundle.link(builtinModule);
  await bundle.evaluate();
}

run().catch((error: unknown) => {
  process.stderr.write(`kview: the single executable could not start: ${String(error).split('\n')[0]}\n`);
  process.exit(1);
});

import {App} from './App.js';
import {runFullScreen} from './full-screen.js';
import type {World} from './world.js';

export async function runApp(world: World, options: {wide: boolean}): Promise<void> {
  await runFullScreen(<App world={world} wide={options.wide} />);
}

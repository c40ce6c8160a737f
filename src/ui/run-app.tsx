import {App} from './App.js';
import {runFullScreen} from './full-screen.js';
import type {World} from './world.js';
import type {Skin} from '../state/config/skin.js';

export async function runApp(
  world: World,
  options: {wide: boolean; skin: Skin; beforeSignalExit?: () => Promise<void>},
): Promise<void> {
  await runFullScreen(<App world={world} wide={options.wide} />, options.skin, options.beforeSignalExit);
}

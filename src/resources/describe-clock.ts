import type {TimeZone} from './time-zone.js';

// What a describer reads from the world besides the objects: the time ages are measured to and the zone times
// are printed in.
export interface DescribeClock {
  now: number;
  zone: TimeZone;
}

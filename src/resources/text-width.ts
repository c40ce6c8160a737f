// Terminal cells a string takes. kubectl's tabwriter counts runes; kview counts runes too, so CJK text aligns
// as kubectl's does rather than by display width.
export function stringWidthOf(text: string): number {
  return [...text].length;
}

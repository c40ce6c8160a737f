// postject ships no types; this is the one call kview's build makes (its README's API).
declare module 'postject' {
  export function inject(
    filename: string,
    resourceName: string,
    resourceData: Buffer,
    options?: {sentinelFuse?: string; machoSegmentName?: string; overwrite?: boolean},
  ): Promise<void>;
}

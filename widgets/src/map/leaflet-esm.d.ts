// Leaflet 1.9's package entry is UMD, which rollup bundles badly; its ES module build has
// the same API, so it gets the types of `@types/leaflet`.
declare module 'leaflet/dist/leaflet-src.esm.js' {
  export * from 'leaflet';
}

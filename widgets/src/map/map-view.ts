/**
 * The Leaflet side of `<lokaal-map>`, in its own chunk: the element imports this module
 * only when it is on a page, so Leaflet and supercluster never weigh on the other widgets,
 * and a page whose Trusted Types policy breaks Leaflet keeps the list and every other widget.
 *
 * Everything shown from data is set with `textContent` or attributes on elements built
 * here; no string from the API becomes HTML.
 */
import {
  control,
  divIcon,
  latLngBounds,
  layerGroup,
  map as createLeafletMap,
  marker as createMarker,
  tileLayer,
  type LatLngBounds,
  type LayerGroup,
  type Map as LeafletMap,
  type Marker,
  type TileLayer,
} from 'leaflet/dist/leaflet-src.esm.js';
import Supercluster, { type AnyProps, type ClusterProperties, type PointFeature } from 'supercluster';
import type { BBox, PlaceSummary, Point } from '@lokaal/core';
import { routeUrl } from '../shared/safe-url.js';

export { leafletStyles } from './leaflet.styles.js';

export type TilesName = 'pdok' | 'osm' | 'none';

/** The words the view shows, in the element's language at the moment they are needed. */
export interface MapViewLabels {
  openingState: (place: PlaceSummary) => string;
  routeTo: (name: string) => string;
  cluster: (count: number) => string;
  close: string;
  zoomIn: string;
  zoomOut: string;
  pdokAttribution: string;
  osmAttribution: string;
}

export interface MapViewOptions {
  tiles: TilesName;
  labels: () => MapViewLabels;
  /** A marker was chosen with the mouse or the keyboard. */
  onSelect: (place: PlaceSummary) => void;
  /** A tile could not be loaded: the element says the map has no background. */
  onTileError: () => void;
}

interface TileSource {
  url: string;
  maxZoom: number;
  attribution: (labels: MapViewLabels) => string;
}

/** Attribution texts are our own catalogue's; escaped all the same, as Leaflet sets them as HTML. */
function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char] ?? char,
  );
}

const TILE_SOURCES: Record<Exclude<TilesName, 'none'>, TileSource> = {
  // The Dutch public base map (PDOK BRT-Achtergrondkaart): no Big Tech, no tracking.
  pdok: {
    url: 'https://service.pdok.nl/brt/achtergrondkaart/wmts/v2_0/standaard/EPSG:3857/{z}/{x}/{y}.png',
    maxZoom: 19,
    attribution: (labels) => escapeHtml(labels.pdokAttribution),
  },
  osm: {
    url: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png',
    maxZoom: 19,
    attribution: (labels) =>
      `<a href="https://www.openstreetmap.org/copyright">${escapeHtml(labels.osmAttribution)}</a>`,
  },
};

/** Above this zoom every place has its own marker. */
const CLUSTER_MAX_ZOOM = 16;
const CLUSTER_RADIUS_PX = 48;
const FIT_PADDING: [number, number] = [32, 32];
/** The Netherlands, when there is nothing to show yet. */
const DEFAULT_CENTER: [number, number] = [52.2, 5.3];
const DEFAULT_ZOOM = 7;

const SVG_NS = 'http://www.w3.org/2000/svg';

/** The place marker: a pin drawn with DOM APIs (no image files, no HTML strings). */
function pinElement(): HTMLElement {
  const wrapper = document.createElement('span');
  wrapper.className = 'lokaal-pin';
  const svg = document.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('viewBox', '0 0 28 36');
  svg.setAttribute('width', '28');
  svg.setAttribute('height', '36');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  const path = document.createElementNS(SVG_NS, 'path');
  path.setAttribute('d', 'M14 1C6.8 1 1 6.7 1 13.8 1 23.4 14 35 14 35s13-11.6 13-21.2C27 6.7 21.2 1 14 1z');
  path.setAttribute('class', 'lokaal-pin-body');
  const dot = document.createElementNS(SVG_NS, 'circle');
  dot.setAttribute('cx', '14');
  dot.setAttribute('cy', '13.5');
  dot.setAttribute('r', '4.75');
  dot.setAttribute('class', 'lokaal-pin-dot');
  svg.append(path, dot);
  wrapper.append(svg);
  return wrapper;
}

function clusterElement(count: number, text: string): HTMLElement {
  const wrapper = document.createElement('span');
  wrapper.className = 'lokaal-cluster-count';
  wrapper.textContent = text;
  wrapper.dataset.count = String(count);
  return wrapper;
}

function addressLine(place: PlaceSummary): string {
  const street = [place.address.street, place.address.housenumber].filter(Boolean).join(' ');
  const town = [place.address.postcode, place.address.town].filter(Boolean).join(' ');
  return [street, town].filter(Boolean).join(', ');
}

type PlaceProperties = { id: string };
type PlaceFeature = PointFeature<PlaceProperties>;
type ClusterOrPlace = PointFeature<AnyProps>;

export class MapView {
  private readonly map: LeafletMap;
  private readonly layer: LayerGroup;
  private readonly markers = new Map<string, Marker>();
  private readonly resizeObserver: ResizeObserver;
  private places = new Map<string, PlaceSummary>();
  private index: Supercluster<PlaceProperties> | null = null;
  private tiles: TileLayer | null = null;
  private tilesName: TilesName = 'none';
  private selectedId: string | null = null;
  private lastFit: LatLngBounds | null = null;
  private hadSize = false;
  /** The next popup was opened from the keyboard: move focus into it. */
  private openedByKeyboard = false;

  constructor(
    private readonly container: HTMLElement,
    private readonly options: MapViewOptions,
  ) {
    const reducedMotion = matchMedia('(prefers-reduced-motion: reduce)').matches;
    const labels = options.labels();
    this.map = createLeafletMap(container, {
      center: DEFAULT_CENTER,
      zoom: DEFAULT_ZOOM,
      minZoom: 5,
      maxZoom: 19,
      zoomControl: false,
      attributionControl: false,
      zoomAnimation: !reducedMotion,
      fadeAnimation: !reducedMotion,
      markerZoomAnimation: !reducedMotion,
    });
    control.zoom({ zoomInTitle: labels.zoomIn, zoomOutTitle: labels.zoomOut }).addTo(this.map);
    control.attribution({ prefix: '<a href="https://leafletjs.com">Leaflet</a>' }).addTo(this.map);
    this.layer = layerGroup().addTo(this.map);
    this.map.on('moveend', () => this.refresh());
    this.setTiles(options.tiles);
    this.hadSize = this.hasSize();
    this.resizeObserver = new ResizeObserver(() => this.onResize());
    this.resizeObserver.observe(container);
  }

  /** Shows these places, and fits the view to them (or to `area` when there are none). */
  setPlaces(places: readonly PlaceSummary[], area: BBox | null): void {
    this.places = new Map(places.map((place) => [place.id, place]));
    const features: PlaceFeature[] = places.map((place) => ({
      type: 'Feature',
      properties: { id: place.id },
      geometry: { type: 'Point', coordinates: [place.point.lon, place.point.lat] },
    }));
    this.index = new Supercluster<PlaceProperties>({
      radius: CLUSTER_RADIUS_PX,
      maxZoom: CLUSTER_MAX_ZOOM,
    }).load(features);
    // New data: no marker keeps a popup with old data.
    this.layer.clearLayers();
    this.markers.clear();
    if (places.length > 0) {
      this.fit(latLngBounds(places.map((place) => [place.point.lat, place.point.lon])));
    } else if (area) {
      this.fit(
        latLngBounds([
          [area[1], area[0]],
          [area[3], area[2]],
        ]),
      );
    }
    this.refresh();
  }

  /** Pans to a place, zoomed in far enough that it has its own marker, and opens its popup. */
  showPlace(id: string, point?: Point): void {
    const place = this.places.get(id);
    const target = place?.point ?? point;
    if (!target) return;
    this.setSelected(id);
    const zoom = place ? this.unclusteredZoom(place) : Math.max(this.map.getZoom(), 15);
    this.map.setView([target.lat, target.lon], zoom, { animate: false });
    this.refresh();
    this.markers.get(`p:${id}`)?.openPopup();
  }

  /** Marks one place as chosen (or none). */
  setSelected(id: string | null): void {
    this.selectedId = id;
    for (const [key, marker] of this.markers) {
      marker.getElement()?.classList.toggle('is-selected', key === `p:${id}`);
    }
  }

  setTiles(name: TilesName): void {
    if (name === this.tilesName && (name === 'none' || this.tiles)) return;
    this.tiles?.remove();
    this.tiles = null;
    this.tilesName = name;
    if (name === 'none') return;
    const source = TILE_SOURCES[name];
    const tiles = tileLayer(source.url, {
      maxZoom: 19,
      maxNativeZoom: source.maxZoom,
      attribution: source.attribution(this.options.labels()),
    });
    tiles.on('tileerror', () => this.options.onTileError());
    this.tiles = tiles.addTo(this.map);
  }

  invalidateSize(): void {
    this.map.invalidateSize({ animate: false });
  }

  destroy(): void {
    this.resizeObserver.disconnect();
    this.markers.clear();
    this.map.remove();
  }

  private onResize(): void {
    const hasSize = this.hasSize();
    this.invalidateSize();
    // A map that was hidden (display: none, a closed tab) could not fit its places: fit now.
    if (hasSize && !this.hadSize && this.lastFit) this.fit(this.lastFit);
    this.hadSize = hasSize;
    this.refresh();
  }

  private fit(bounds: LatLngBounds): void {
    this.lastFit = bounds;
    if (this.container.clientWidth === 0 || this.container.clientHeight === 0) return;
    this.map.fitBounds(bounds, { padding: FIT_PADDING, maxZoom: CLUSTER_MAX_ZOOM, animate: false });
  }

  /** The lowest zoom, from the current one up, at which the place is not inside a cluster. */
  private unclusteredZoom(place: PlaceSummary): number {
    const start = Math.max(Math.round(this.map.getZoom()), 14);
    if (!this.index) return start;
    const { lat, lon } = place.point;
    const box: [number, number, number, number] = [lon - 1e-6, lat - 1e-6, lon + 1e-6, lat + 1e-6];
    for (let zoom = start; zoom <= CLUSTER_MAX_ZOOM; zoom += 1) {
      const hits = this.index.getClusters(box, zoom);
      if (hits.some((hit) => !('cluster' in hit.properties) && hit.properties.id === place.id)) return zoom;
    }
    return CLUSTER_MAX_ZOOM + 1;
  }

  /** Puts the markers and clusters for the current view on the map, reusing those that stay. */
  private refresh(): void {
    if (!this.index || !this.hasSize()) return;
    const bounds = this.map.getBounds().pad(0.25);
    const zoom = Math.round(this.map.getZoom());
    const west = Math.max(-180, bounds.getWest());
    const east = Math.min(180, bounds.getEast());
    const features = this.index.getClusters(
      [west, Math.max(-85, bounds.getSouth()), east, Math.min(85, bounds.getNorth())],
      zoom,
    );
    const wanted = new Map<string, ClusterOrPlace>();
    for (const feature of features) {
      const properties = feature.properties as AnyProps;
      const key = properties.cluster ? `c:${String(properties.cluster_id)}` : `p:${String(properties.id)}`;
      wanted.set(key, feature);
    }
    for (const [key, marker] of this.markers) {
      if (!wanted.has(key)) {
        this.layer.removeLayer(marker);
        this.markers.delete(key);
      }
    }
    for (const [key, feature] of wanted) {
      if (this.markers.has(key)) continue;
      const [lon, lat] = feature.geometry.coordinates as [number, number];
      const properties = feature.properties as AnyProps;
      const marker = properties.cluster
        ? this.clusterMarker(lat, lon, properties as ClusterProperties)
        : this.placeMarker(String(properties.id));
      if (!marker) continue;
      this.markers.set(key, marker);
      marker.addTo(this.layer);
    }
  }

  private hasSize(): boolean {
    return this.container.clientWidth > 0 && this.container.clientHeight > 0;
  }

  private placeMarker(id: string): Marker | null {
    const place = this.places.get(id);
    if (!place) return null;
    const marker = createMarker([place.point.lat, place.point.lon], {
      icon: divIcon({
        className: 'lokaal-marker',
        html: pinElement(),
        iconSize: [28, 36],
        iconAnchor: [14, 35],
        popupAnchor: [0, -32],
      }),
      keyboard: true,
      title: place.name,
      riseOnHover: true,
    });
    marker.bindPopup(() => this.popupContent(place, marker), {
      maxWidth: 280,
      autoPanPadding: [24, 24],
    });
    marker.on('add', () => {
      const element = marker.getElement();
      if (!element) return;
      element.setAttribute('role', 'button');
      element.setAttribute('aria-label', place.name);
      element.dataset.placeId = place.id;
      element.classList.toggle('is-selected', this.selectedId === place.id);
      element.addEventListener('keydown', (event) => this.onMarkerKeydown(event, marker));
    });
    marker.on('click', () => {
      this.setSelected(place.id);
      this.options.onSelect(place);
    });
    marker.on('popupopen', (event) => {
      const popup = event.popup.getElement();
      const close = popup?.querySelector<HTMLElement>('.leaflet-popup-close-button');
      close?.setAttribute('aria-label', this.options.labels().close);
      close?.removeAttribute('title');
      if (this.openedByKeyboard)
        popup?.querySelector<HTMLElement>('a.lokaal-popup-route')?.focus({ preventScroll: true });
      this.openedByKeyboard = false;
    });
    marker.on('popupclose', (event) => {
      // Focus that was in the popup goes back to its marker, not to the page's top.
      const root = this.container.getRootNode() as Document | ShadowRoot;
      const popup = event.popup.getElement();
      if (popup && root.activeElement && popup.contains(root.activeElement))
        marker.getElement()?.focus({ preventScroll: true });
    });
    return marker;
  }

  private clusterMarker(lat: number, lon: number, properties: ClusterProperties): Marker {
    const count = properties.point_count;
    const size = count < 10 ? 34 : count < 100 ? 40 : 48;
    const label = this.options.labels().cluster(count);
    const marker = createMarker([lat, lon], {
      icon: divIcon({
        className: 'lokaal-cluster',
        html: clusterElement(count, properties.point_count_abbreviated.toString()),
        iconSize: [size, size],
      }),
      keyboard: true,
      title: label,
    });
    marker.on('add', () => {
      const element = marker.getElement();
      if (!element) return;
      element.setAttribute('role', 'button');
      element.setAttribute('aria-label', label);
      element.addEventListener('keydown', (event) => this.onMarkerKeydown(event, marker));
    });
    marker.on('click', () => {
      const root = this.container.getRootNode() as Document | ShadowRoot;
      const hadFocus = root.activeElement === marker.getElement();
      const zoom = Math.min(
        this.index?.getClusterExpansionZoom(properties.cluster_id) ?? this.map.getZoom() + 2,
        this.map.getMaxZoom(),
      );
      this.map.setView([lat, lon], zoom, { animate: false });
      // The cluster is gone now; keep keyboard focus on the map rather than losing it.
      if (hadFocus) this.container.focus({ preventScroll: true });
    });
    return marker;
  }

  /**
   * Enter and Space choose a marker like a click. Leaflet would open a popup on Enter's
   * `keypress` without a `click`, so nothing would be selected: cancelling the `keydown`
   * suppresses that `keypress`.
   */
  private onMarkerKeydown(event: KeyboardEvent, marker: Marker): void {
    if (event.key !== 'Enter' && event.key !== ' ') return;
    event.preventDefault();
    this.openedByKeyboard = true;
    marker.fire('click', { latlng: marker.getLatLng() });
    this.openedByKeyboard = false;
  }

  private popupContent(place: PlaceSummary, marker: Marker): HTMLElement {
    const labels = this.options.labels();
    const root = document.createElement('div');
    root.className = 'lokaal-popup';
    const name = document.createElement('strong');
    name.className = 'lokaal-popup-name';
    name.textContent = place.name;
    root.append(name);
    const address = addressLine(place);
    if (address) {
      const line = document.createElement('span');
      line.className = 'lokaal-popup-address';
      line.textContent = address;
      root.append(line);
    }
    const state = document.createElement('span');
    state.className = `lokaal-popup-state ${place.open_now === null ? 'unknown' : place.open_now ? 'open' : 'closed'}`;
    state.textContent = labels.openingState(place);
    root.append(state);
    const route = document.createElement('a');
    route.className = 'lokaal-popup-route';
    route.href = routeUrl(place.point);
    route.rel = 'noopener';
    route.textContent = labels.routeTo(place.name);
    root.append(route);
    root.addEventListener('keydown', (event) => {
      if (event.key !== 'Escape') return;
      event.stopPropagation();
      marker.closePopup();
      marker.getElement()?.focus({ preventScroll: true });
    });
    return root;
  }
}

import {asArray, asNumber, asObject, asString} from './json-fields.js';

// `ip -j addr` and `ip -j route`: iproute2's JSON, so no column scraping of ifconfig or route -n.
export interface NetworkInterface {
  name: string;
  mtu: number | undefined;
  state: string;
  addresses: string[];
}

export interface Route {
  destination: string;
  gateway: string;
  device: string;
}

export function parseInterfaces(text: string): NetworkInterface[] {
  return parseArray(text).map((item) => {
    const link = asObject(item);
    return {
      name: asString(link.ifname),
      mtu: asNumber(link.mtu),
      state: asString(link.operstate),
      addresses: asArray(link.addr_info).map((entry) => {
        const address = asObject(entry);
        return `${asString(address.local)}/${asString(address.prefixlen)}`;
      }),
    };
  });
}

export function parseRoutes(text: string): Route[] {
  return parseArray(text).map((item) => {
    const route = asObject(item);
    return {destination: asString(route.dst), gateway: asString(route.gateway), device: asString(route.dev)};
  });
}

function parseArray(text: string): unknown[] {
  try {
    return asArray(JSON.parse(text));
  } catch {
    return [];
  }
}

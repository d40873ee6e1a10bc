// How Chromium and Firefox are started with the built extension against the replica portal:
// one place for the end-to-end harness, the benchmark and the demo.

/** Chromium flags: no network chatter, the extension loaded, replica hosts mapped to the portal. */
export function chromiumArgs({ extensionDir, hostRules }) {
  return [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    `--disable-extensions-except=${extensionDir}`,
    `--load-extension=${extensionDir}`,
    `--host-resolver-rules=${hostRules}`,
    '--ignore-certificate-errors',
  ];
}

/** `MAP host 127.0.0.1:port` for each host: pages keep their real origin. */
export function hostRules(hosts, port) {
  return hosts.map((host) => `MAP ${host} 127.0.0.1:${port}`).join(', ');
}

/**
 * Firefox prefs: the moz-extension host pinned, and every https:// request through the
 * replica's CONNECT proxy, which tunnels any host to the replica (real origins, no network).
 */
export function firefoxPrefs({ geckoId, extensionUuid, proxyPort }) {
  return {
    'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: extensionUuid }),
    'network.proxy.type': 1,
    'network.proxy.ssl': '127.0.0.1',
    'network.proxy.ssl_port': proxyPort,
    'network.proxy.share_proxy_settings': false,
    'network.proxy.no_proxies_on': '',
    'network.proxy.allow_hijacking_localhost': false,
    // No HTTP/3 or DNS-over-HTTPS attempts that would bypass the proxy.
    'network.http.http3.enable': false,
    'network.trr.mode': 5,
  };
}

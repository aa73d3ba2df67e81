/**
 * The Kubernetes API proxy through the agent's stream: the agent's {@link
 * dev.lattice.runtime.link.proxy.KubernetesApiProxy} runs each request against its own cluster's API
 * server (paths only: the agent fixes the host), the cell's {@link
 * dev.lattice.runtime.link.proxy.ApiProxyServer} is a local HTTP proxy on 127.0.0.1 per child that
 * turns requests into {@code ApiProxyRequest}s, and {@link
 * dev.lattice.runtime.link.proxy.ProxyKubeconfig} writes a kubeconfig pointing at it (docs/LINK.md).
 */
package dev.lattice.runtime.link.proxy;

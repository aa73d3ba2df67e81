package dev.lattice.model.cluster;

import dev.lattice.model.base.Required;
import dev.lattice.model.base.Values;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Cluster-wide provider settings; exactly one block is set. Sizes live in {@link NodesSpec}. The
 * {@code basis} block is read for compatibility with the reference system; no emitter builds it yet.
 */
public record ProviderConfig(
    Optional<Docker> docker,
    Optional<Aws> aws,
    Optional<Proxmox> proxmox,
    Optional<OpenStack> openstack,
    Optional<Basis> basis) {

  public ProviderConfig {
    docker = Values.opt(docker);
    aws = Values.opt(aws);
    proxmox = Values.opt(proxmox);
    openstack = Values.opt(openstack);
    basis = Values.opt(basis);
  }

  /** The names of the blocks that are set, in declaration order. */
  public List<ProviderType> present() {
    List<ProviderType> out = new java.util.ArrayList<>();
    docker.ifPresent(d -> out.add(ProviderType.DOCKER));
    aws.ifPresent(d -> out.add(ProviderType.AWS));
    proxmox.ifPresent(d -> out.add(ProviderType.PROXMOX));
    openstack.ifPresent(d -> out.add(ProviderType.OPENSTACK));
    basis.ifPresent(d -> out.add(ProviderType.BASIS));
    return List.copyOf(out);
  }

  /** Docker (CAPD), for local cells. */
  public record Docker(Optional<String> lbCidr) {
    public Docker {
      lbCidr = Values.opt(lbCidr);
    }
  }

  /** AWS (CAPA). */
  public record Aws(
      @Required String region,
      Optional<String> sshKeyName,
      Optional<String> vpcId,
      List<String> subnetIds,
      Optional<Boolean> internalLoadBalancer,
      Optional<String> loadBalancerType,
      Optional<String> amiId,
      Optional<String> controlPlaneIamInstanceProfile,
      Optional<String> nodeIamInstanceProfile,
      Optional<Bastion> bastion,
      Map<String, String> tags,
      Optional<String> partition) {
    public Aws {
      partition = Values.opt(partition);
      sshKeyName = Values.opt(sshKeyName);
      vpcId = Values.opt(vpcId);
      subnetIds = Values.list(subnetIds);
      internalLoadBalancer = Values.opt(internalLoadBalancer);
      loadBalancerType = Values.opt(loadBalancerType);
      amiId = Values.opt(amiId);
      controlPlaneIamInstanceProfile = Values.opt(controlPlaneIamInstanceProfile);
      nodeIamInstanceProfile = Values.opt(nodeIamInstanceProfile);
      bastion = Values.opt(bastion);
      tags = Values.map(tags);
    }
  }

  /** A bastion host. */
  public record Bastion(Optional<Boolean> enabled, Optional<String> instanceType, List<String> allowedCidrBlocks) {
    public Bastion {
      enabled = Values.opt(enabled);
      instanceType = Values.opt(instanceType);
      allowedCidrBlocks = Values.list(allowedCidrBlocks);
    }
  }

  /** Proxmox (CAPMOX). */
  public record Proxmox(
      @Required String sourceNode,
      @Required int templateId,
      Optional<String> storage,
      Optional<String> format,
      Optional<String> bridge,
      Optional<String> networkModel,
      Optional<Integer> vlan,
      Optional<String> controlPlaneEndpoint,
      Optional<IpPool> ipv4Pool,
      Optional<IpPool> ipv4Config,
      List<String> dnsServers,
      List<String> sshAuthorizedKeys,
      Optional<String> virtualIpNetworkInterface,
      Optional<String> lbCidr,
      List<AdditionalNetwork> additionalNetworks,
      List<String> allowedNodes) {
    public Proxmox {
      storage = Values.opt(storage);
      format = Values.opt(format);
      bridge = Values.opt(bridge);
      networkModel = Values.opt(networkModel);
      vlan = Values.opt(vlan);
      controlPlaneEndpoint = Values.opt(controlPlaneEndpoint);
      ipv4Pool = Values.opt(ipv4Pool);
      ipv4Config = Values.opt(ipv4Config);
      dnsServers = Values.list(dnsServers);
      sshAuthorizedKeys = Values.list(sshAuthorizedKeys);
      virtualIpNetworkInterface = Values.opt(virtualIpNetworkInterface);
      lbCidr = Values.opt(lbCidr);
      additionalNetworks = Values.list(additionalNetworks);
      allowedNodes = Values.list(allowedNodes);
    }

    /** The node address pool, under either spelling. */
    public Optional<IpPool> pool() {
      return ipv4Pool.or(() -> ipv4Config);
    }
  }

  /** Addresses for nodes: a {@code range} ({@code 10.0.0.151-155/24}) or a list, and the gateway. */
  public record IpPool(
      Optional<String> range, List<String> addresses, Optional<Integer> prefix, @Required String gateway) {
    public IpPool {
      range = Values.opt(range);
      addresses = Values.list(addresses);
      prefix = Values.opt(prefix);
    }
  }

  /** A further NIC with its own pool. */
  public record AdditionalNetwork(@Required String bridge, Optional<IpPool> ipv4Pool, Optional<String> networkModel) {
    public AdditionalNetwork {
      ipv4Pool = Values.opt(ipv4Pool);
      networkModel = Values.opt(networkModel);
    }
  }

  /** OpenStack (CAPO). */
  public record OpenStack(
      @Required String cloudName,
      @Required String externalNetwork,
      Optional<ResourceRef> network,
      Optional<ResourceRef> subnet,
      Optional<String> nodeCidr,
      List<String> dnsNameservers,
      Optional<ImageFilter> imageFilter,
      Optional<String> sshKeyName,
      Optional<OpenStackBastion> bastion,
      Optional<Boolean> disableFloatingIps,
      Optional<Boolean> managedSecurityGroups,
      Optional<String> identitySecretName) {
    public OpenStack {
      network = Values.opt(network);
      subnet = Values.opt(subnet);
      nodeCidr = Values.opt(nodeCidr);
      dnsNameservers = Values.list(dnsNameservers);
      imageFilter = Values.opt(imageFilter);
      sshKeyName = Values.opt(sshKeyName);
      bastion = Values.opt(bastion);
      disableFloatingIps = Values.opt(disableFloatingIps);
      managedSecurityGroups = Values.opt(managedSecurityGroups);
      identitySecretName = Values.opt(identitySecretName);
    }
  }

  /** An OpenStack network or subnet, by name (a plain string) or {@code {id}} / {@code {name}}. */
  public record ResourceRef(Optional<String> id, Optional<String> name) {
    public ResourceRef {
      id = Values.opt(id);
      name = Values.opt(name);
    }

    public static ResourceRef fromScalar(String name) {
      return new ResourceRef(Optional.empty(), Optional.of(name));
    }
  }

  /** The OpenStack bastion: {@code true}, or {@code {enabled, flavor}} (default: the control plane's flavor). */
  public record OpenStackBastion(Optional<Boolean> enabled, Optional<String> flavor) {
    public OpenStackBastion {
      enabled = Values.opt(enabled);
      flavor = Values.opt(flavor);
    }

    public static OpenStackBastion fromScalar(String text) {
      if (!"true".equals(text) && !"false".equals(text)) {
        throw new IllegalArgumentException("expected true, false or {enabled, flavor}");
      }
      return new OpenStackBastion(Optional.of(Boolean.parseBoolean(text)), Optional.empty());
    }

    public boolean isEnabled() {
      return enabled.orElse(true);
    }
  }

  /** Which image to boot, by name. */
  public record ImageFilter(@Required String name) {}

  /** The reference system's Basis provider (read only). */
  public record Basis(Optional<String> externalIpPool) {
    public Basis {
      externalIpPool = Values.opt(externalIpPool);
    }
  }
}

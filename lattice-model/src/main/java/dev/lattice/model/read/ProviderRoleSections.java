package dev.lattice.model.read;

import static dev.lattice.model.read.ClusterFormNormalizer.find;

import dev.lattice.model.diagnostics.Codes;
import dev.lattice.model.diagnostics.Diagnostic;
import dev.lattice.model.diagnostics.Diagnostics;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The older form's per-role provider settings, moved to where the canonical form keeps them. A
 * role's size from the provider block becomes the default of {@code nodes.controlPlane} or of every
 * worker pool; a size written in {@code nodes} wins.
 *
 * <ul>
 *   <li>AWS {@code control_plane|worker {instance_type, iam_instance_profile, root_volume {size, type,
 *       iops, throughput, encrypted}}} → {@code instanceType}, {@code rootVolume {sizeGb, ...}} and
 *       {@code aws.controlPlaneIamInstanceProfile|nodeIamInstanceProfile}; {@code load_balancer
 *       {scheme, type}} → {@code internalLoadBalancer}, {@code loadBalancerType} (CAPA
 *       {@code AWSCluster.spec.controlPlaneLoadBalancer.scheme|loadBalancerType});
 *   <li>OpenStack {@code control_plane|worker {flavor, image_filter, root_volume}} → {@code
 *       instanceType}, {@code openstack.imageFilter}, {@code rootVolume}; {@code use_floating_ip} →
 *       {@code disableFloatingIps} (its negation);
 *   <li>Proxmox {@code cp_|worker_ sockets, cores, memory_mib, disk_size_gb} → {@code instanceType
 *       {sockets, cores, memoryGib, diskGib}} (MiB must be whole GiB).
 * </ul>
 */
final class ProviderRoleSections {
  private final Diagnostics diagnostics;
  private final List<String> moved;

  ProviderRoleSections(Diagnostics diagnostics, List<String> moved) {
    this.diagnostics = diagnostics;
    this.moved = moved;
  }

  /** Rewrites one provider block; {@code nodes} (the rewritten nodes mapping) receives role sizes. */
  Node.MapNode rewrite(String provider, Node.MapNode block, LinkedHashMap<String, Node.Entry> nodes) {
    LinkedHashMap<String, Node.Entry> out = new LinkedHashMap<>(block.entries());
    switch (provider) {
      case "aws" -> aws(out, nodes);
      case "openstack" -> openstack(out, nodes);
      case "proxmox" -> proxmox(out, nodes);
      default -> { }
    }
    return new Node.MapNode(block.position(), out);
  }

  private void aws(LinkedHashMap<String, Node.Entry> aws, LinkedHashMap<String, Node.Entry> nodes) {
    for (boolean cp : new boolean[] {true, false}) {
      Node.Entry section = take(aws, cp ? "controlPlane" : "worker");
      if (section == null || !(section.value() instanceof Node.MapNode s)) {
        continue;
      }
      LinkedHashMap<String, Node.Entry> rest = new LinkedHashMap<>(s.entries());
      Node.Entry type = take(rest, "instanceType");
      Node.Entry profile = take(rest, "iamInstanceProfile");
      Node.Entry root = take(rest, "rootVolume");
      if (type != null) {
        defaultForRole(nodes, cp, "instanceType", type);
      }
      if (root != null) {
        defaultForRole(nodes, cp, "rootVolume", rootVolume(root));
      }
      if (profile != null) {
        String key = cp ? "controlPlaneIamInstanceProfile" : "nodeIamInstanceProfile";
        aws.putIfAbsent(key, new Node.Entry(key, profile.keyPosition(), profile.value()));
      }
      unknownRest(rest, section.key());
      moved.add("aws." + section.key() + " → nodes (instanceType, rootVolume) and aws.*IamInstanceProfile");
    }
    Node.Entry lb = take(aws, "loadBalancer");
    if (lb != null && lb.value() instanceof Node.MapNode l) {
      LinkedHashMap<String, Node.Entry> rest = new LinkedHashMap<>(l.entries());
      Node.Entry scheme = take(rest, "scheme");
      Node.Entry type = take(rest, "type");
      if (scheme != null && scheme.value() instanceof Node.ScalarNode sc) {
        if (sc.text().equals("internal") || sc.text().equals("internet-facing")) {
          aws.putIfAbsent("internalLoadBalancer", new Node.Entry("internalLoadBalancer", scheme.keyPosition(),
              new Node.ScalarNode(sc.position(), Boolean.toString(sc.text().equals("internal")), Node.ScalarType.BOOL)));
        } else {
          diagnostics.add(Diagnostic.error(Codes.INVALID_VALUE, "unknown load balancer scheme '" + sc.text() + "'",
              "use internet-facing or internal", sc.position(), "spec.provider.config.aws.load_balancer.scheme"));
        }
      }
      if (type != null) {
        aws.putIfAbsent("loadBalancerType", new Node.Entry("loadBalancerType", type.keyPosition(), type.value()));
      }
      unknownRest(rest, lb.key());
      moved.add("aws.load_balancer {scheme, type} → aws.internalLoadBalancer, aws.loadBalancerType");
    }
  }

  private void openstack(LinkedHashMap<String, Node.Entry> os, LinkedHashMap<String, Node.Entry> nodes) {
    for (boolean cp : new boolean[] {true, false}) {
      Node.Entry section = take(os, cp ? "controlPlane" : "worker");
      if (section == null || !(section.value() instanceof Node.MapNode s)) {
        continue;
      }
      LinkedHashMap<String, Node.Entry> rest = new LinkedHashMap<>(s.entries());
      Node.Entry flavor = take(rest, "flavor");
      Node.Entry image = take(rest, "imageFilter");
      Node.Entry root = take(rest, "rootVolume");
      if (flavor != null) {
        defaultForRole(nodes, cp, "instanceType", flavor);
      }
      if (root != null) {
        defaultForRole(nodes, cp, "rootVolume", rootVolume(root));
      }
      if (image != null) {
        os.putIfAbsent("imageFilter", new Node.Entry("imageFilter", image.keyPosition(), image.value()));
      }
      unknownRest(rest, section.key());
      moved.add("openstack." + section.key() + " → nodes (instanceType = flavor, rootVolume) and openstack.imageFilter");
    }
    Node.Entry floating = take(os, "useFloatingIp");
    if (floating != null && floating.value() instanceof Node.ScalarNode f && f.type() == Node.ScalarType.BOOL) {
      os.putIfAbsent("disableFloatingIps", new Node.Entry("disableFloatingIps", floating.keyPosition(),
          new Node.ScalarNode(f.position(), Boolean.toString(!Boolean.parseBoolean(f.text())), Node.ScalarType.BOOL)));
      moved.add("openstack.use_floating_ip: B → openstack.disableFloatingIps: !B");
    } else if (floating != null) {
      os.put(floating.key(), floating);
    }
  }

  private void proxmox(LinkedHashMap<String, Node.Entry> px, LinkedHashMap<String, Node.Entry> nodes) {
    for (boolean cp : new boolean[] {true, false}) {
      String prefix = cp ? "cp" : "worker";
      LinkedHashMap<String, Node.Entry> size = new LinkedHashMap<>();
      Node.Entry first = null;
      for (String[] f : new String[][] {{"Sockets", "sockets"}, {"Cores", "cores"}, {"MemoryMib", "memoryGib"},
          {"DiskSizeGb", "diskGib"}}) {
        Node.Entry e = take(px, prefix + f[0]);
        if (e == null) {
          continue;
        }
        first = first == null ? e : first;
        Node value = e.value();
        if (f[1].equals("memoryGib") && value instanceof Node.ScalarNode mib && mib.type() == Node.ScalarType.INT) {
          long m = Long.parseLong(mib.text());
          if (m % 1024 != 0) {
            diagnostics.add(Diagnostic.error(Codes.INVALID_VALUE, e.key() + " " + m + " is not a whole number of GiB",
                "write a multiple of 1024, or instanceType.memoryGib in nodes", mib.position(),
                "spec.provider.config.proxmox." + e.key()));
          }
          // rounded up so that one error is reported, not a second one about the bound value
          value = new Node.ScalarNode(mib.position(), Long.toString(Math.max(1, (m + 1023) / 1024)), Node.ScalarType.INT);
        }
        size.put(f[1], new Node.Entry(f[1], e.keyPosition(), value));
      }
      if (first != null) {
        defaultForRole(nodes, cp, "instanceType", new Node.Entry("instanceType", first.keyPosition(),
            new Node.MapNode(first.keyPosition(), size)));
        moved.add("proxmox." + prefix + "_* → nodes." + (cp ? "controlPlane" : "workerPools.*")
            + ".instanceType {sockets, cores, memoryGib, diskGib}");
      }
    }
  }

  /** {@code root_volume {size, ...}} → {@code rootVolume {sizeGb, ...}}. */
  private static Node.Entry rootVolume(Node.Entry root) {
    if (!(root.value() instanceof Node.MapNode r)) {
      return root;
    }
    LinkedHashMap<String, Node.Entry> out = new LinkedHashMap<>();
    r.entries().forEach((k, v) -> out.put(k.equals("size") ? "sizeGb" : k,
        k.equals("size") ? new Node.Entry("sizeGb", v.keyPosition(), v.value()) : v));
    return new Node.Entry("rootVolume", root.keyPosition(), new Node.MapNode(r.position(), out));
  }

  /** Sets {@code field} of the control plane or of every worker pool where it is not written. */
  private static void defaultForRole(LinkedHashMap<String, Node.Entry> nodes, boolean cp, String field, Node.Entry value) {
    if (cp) {
      withDefault(nodes, "controlPlane", field, value);
      return;
    }
    Node.Entry pools = find(nodes, "workerPools");
    if (pools == null || !(pools.value() instanceof Node.MapNode p)) {
      return;
    }
    LinkedHashMap<String, Node.Entry> out = new LinkedHashMap<>(p.entries());
    for (String pool : List.copyOf(out.keySet())) {
      withDefault(out, pool, field, value);
    }
    nodes.put(pools.key(), new Node.Entry(pools.key(), pools.keyPosition(), new Node.MapNode(p.position(), out)));
  }

  private static void withDefault(Map<String, Node.Entry> parent, String key, String field, Node.Entry value) {
    Node.Entry e = find(parent, key);
    if (e == null || !(e.value() instanceof Node.MapNode m) || find(m.entries(), field) != null) {
      return;
    }
    LinkedHashMap<String, Node.Entry> out = new LinkedHashMap<>(m.entries());
    out.put(field, new Node.Entry(field, value.keyPosition(), value.value()));
    parent.put(e.key(), new Node.Entry(e.key(), e.keyPosition(), new Node.MapNode(m.position(), out)));
  }

  private static Node.Entry take(Map<String, Node.Entry> map, String camel) {
    Node.Entry e = find(map, camel);
    if (e != null) {
      map.remove(e.key());
    }
    return e;
  }

  private void unknownRest(Map<String, Node.Entry> rest, String section) {
    rest.values().forEach(e -> diagnostics.add(Diagnostic.error(Codes.UNKNOWN_FIELD,
        "unknown field '" + e.key() + "' in " + section, "known fields here: instance_type, iam_instance_profile, "
            + "root_volume, flavor, image_filter, scheme, type", e.keyPosition(), section + "." + e.key())));
  }
}

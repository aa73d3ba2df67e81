package dev.lattice.emit.capi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lattice.document.Json;
import dev.lattice.model.cluster.ProviderSpec;
import java.util.List;

/**
 * How a new cluster registers with the parent cell that provisions it, without any secret in the
 * documents. The runtime creates the Secret {@code <cluster>-bootstrap-token} in {@code
 * capi-<cluster>} with three keys: {@code token} (the cluster's one-time token), {@code endpoint}
 * (the parent's bootstrap URL, {@code https://<cell host>:<bootstrapPort>}) and {@code ca.crt} (the
 * CA that signs it). CAPI writes them to {@code /etc/lattice/bootstrap/} on control-plane nodes
 * ({@code files[].contentFrom.secret}); the post-bootstrap command runs {@code register.sh}, which on
 * the first control-plane node only fetches the cluster's manifests (agent, CNI) with the token,
 * deletes the token, and applies them. Joining control-plane nodes only delete their copy.
 */
final class ParentRegistration {
  static final String DIR = "/etc/lattice/bootstrap";
  static final String SCRIPT = DIR + "/register.sh";

  private ParentRegistration() {}

  /** The {@code files} entries: the three Secret keys and the script. */
  static List<ObjectNode> files(ClusterPlan plan) {
    return List.of(
        fromSecret(plan, "token", "0400"),
        fromSecret(plan, "endpoint", "0400"),
        fromSecret(plan, "ca.crt", "0444"),
        script(plan));
  }

  /** The post-bootstrap command. */
  static String command() {
    return "/bin/sh " + SCRIPT;
  }

  private static ObjectNode fromSecret(ClusterPlan plan, String key, String permissions) {
    ObjectNode f = Json.object();
    f.put("path", DIR + "/" + key);
    f.put("owner", "root:root");
    f.put("permissions", permissions);
    ObjectNode secret = f.putObject("contentFrom").putObject("secret");
    secret.put("key", key);
    secret.put("name", plan.bootstrapSecret());
    return f;
  }

  private static ObjectNode script(ClusterPlan plan) {
    boolean kubeadm = plan.bootstrap() == ProviderSpec.Bootstrap.KUBEADM;
    // a joining node: kubeadm writes /run/kubeadm/kubeadm.yaml only on the first control-plane node;
    // RKE2 gives joining servers a "server:" line. Written without "! !", which dash rejects.
    String joining = kubeadm
        ? "[ ! -f /run/kubeadm/kubeadm.yaml ]"
        : "grep -q '^server:' /etc/rancher/rke2/config.yaml";
    String kubectl = kubeadm
        ? "kubectl --kubeconfig /etc/kubernetes/admin.conf"
        : "/var/lib/rancher/rke2/bin/kubectl --kubeconfig /etc/rancher/rke2/rke2.yaml";
    String content = String.join("\n",
        "#!/bin/sh",
        "# Registers cluster " + plan.name() + " with its parent cell (Lattice); see the capi emitter's docs.",
        "set -eu",
        "dir=" + DIR,
        "if " + joining + "; then rm -f \"$dir/token\"; exit 0; fi",
        "curl -fsS --retry 30 --retry-delay 10 --retry-all-errors --cacert \"$dir/ca.crt\" \\",
        "  -H \"Authorization: Bearer $(cat \"$dir/token\")\" \\",
        "  -o \"$dir/manifests.yaml\" \"$(cat \"$dir/endpoint\")/api/clusters/" + plan.name() + "/manifests\"",
        "rm -f \"$dir/token\"",
        kubectl + " apply --server-side -f \"$dir/manifests.yaml\"",
        "");
    ObjectNode f = Json.object();
    f.put("path", SCRIPT);
    f.put("owner", "root:root");
    f.put("permissions", "0700");
    f.put("content", content);
    return f;
  }
}

package dev.lattice.compiler.plan;

import dev.lattice.model.LatticeService;
import dev.lattice.model.ObjectRef;
import dev.lattice.model.SourcedObject;
import java.util.Map;

/**
 * A service Lattice deploys, with its placeholders resolved.
 *
 * @param resolvedVariables per container name, variable name → resolved text ({@link EnvValue})
 * @param resolvedFiles per container name, mount path → resolved file content
 */
public record WorkloadPlan(
    ObjectRef ref,
    LatticeService service,
    MemberPlan member,
    Map<String, Map<String, EnvValue>> resolvedVariables,
    Map<String, Map<String, String>> resolvedFiles,
    SourcedObject source) {}

package dev.lattice.compiler.stage;

import dev.lattice.model.CloudProvider;
import dev.lattice.model.Kind;
import dev.lattice.model.LatticeExternalService;
import dev.lattice.model.LatticeMeshMember;
import dev.lattice.model.LatticeService;
import dev.lattice.model.base.ObjectRef;
import dev.lattice.model.SourcedObject;
import dev.lattice.model.diagnostics.Codes;
import dev.lattice.model.diagnostics.Diagnostic;
import dev.lattice.model.diagnostics.Diagnostics;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The first stage: indexes the input by kind and address and reports duplicates ({@code LAT2001}),
 * including a service and a mesh member that claim the same address. Everything later looks
 * objects up here by hash.
 */
public final class ObjectIndex {
  final Map<ObjectRef, SourcedObject> services = new TreeMap<>();
  final Map<ObjectRef, SourcedObject> meshMembers = new TreeMap<>();
  final Map<ObjectRef, SourcedObject> externals = new TreeMap<>();
  final Map<ObjectRef, SourcedObject> jobs = new TreeMap<>();
  final Map<ObjectRef, SourcedObject> models = new TreeMap<>();
  final Map<String, CloudProvider> providers = new TreeMap<>();
  final List<SourcedObject> clusters = new ArrayList<>();
  final List<SourcedObject> policies = new ArrayList<>();
  final List<SourcedObject> quotas = new ArrayList<>();
  final List<SourcedObject> resourceClasses = new ArrayList<>();
  /** Namespaces that have at least one namespaced Lattice object in the input. */
  final Set<String> namespaces = new TreeSet<>();
  /** Addresses of services and mesh members, hashed: {@link #isMember} runs once per declaration. */
  private final Set<ObjectRef> members = new HashSet<>();

  static ObjectIndex build(List<SourcedObject> objects, Diagnostics diagnostics) {
    ObjectIndex index = new ObjectIndex();
    Map<String, SourcedObject> seen = new HashMap<>();
    for (SourcedObject s : objects) {
      Kind kind = s.object().kind();
      String address = s.object().qualifiedName();
      String key = (kind == Kind.LATTICE_MESH_MEMBER ? Kind.LATTICE_SERVICE : kind).wire() + ":" + address;
      SourcedObject first = seen.putIfAbsent(key, s);
      if (first != null) {
        diagnostics.add(Diagnostic.error(Codes.DUPLICATE_OBJECT,
            (first.object().kind() == kind ? kind.wire() : kind.wire() + " and " + first.object().kind().wire())
                + " " + address + " is defined twice (first at " + first.sources().document() + ")",
            "keep one definition; every object needs a unique kind, namespace and name",
            s.sources().valueAt("metadata.name"), "metadata.name"));
        continue;
      }
      if (kind.namespaced()) {
        index.namespaces.add(s.object().metadata().namespaceOrDefault());
      }
      ObjectRef ref = ObjectRef.of(s.object().metadata().namespaceOrDefault(), s.object().metadata().name());
      if (s.object() instanceof LatticeService) {
        index.services.put(ref, s);
        index.members.add(ref);
      } else if (s.object() instanceof LatticeMeshMember) {
        index.meshMembers.put(ref, s);
        index.members.add(ref);
      } else if (s.object() instanceof LatticeExternalService) {
        index.externals.put(ref, s);
      } else if (kind == Kind.LATTICE_JOB) {
        index.jobs.put(ref, s);
      } else if (kind == Kind.LATTICE_MODEL) {
        index.models.put(ref, s);
      } else if (s.object() instanceof CloudProvider p) {
        index.providers.put(p.metadata().name(), p);
      } else if (kind == Kind.LATTICE_CLUSTER) {
        index.clusters.add(s);
      } else if (kind == Kind.CEDAR_POLICY) {
        index.policies.add(s);
      } else if (kind == Kind.LATTICE_QUOTA) {
        index.quotas.add(s);
      } else if (kind == Kind.LATTICE_RESOURCE_CLASS) {
        index.resourceClasses.add(s);
      }
    }
    return index;
  }

  boolean isMember(ObjectRef ref) {
    return members.contains(ref);
  }
}

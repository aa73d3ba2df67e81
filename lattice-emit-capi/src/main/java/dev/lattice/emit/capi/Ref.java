package dev.lattice.emit.capi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lattice.document.Document;
import dev.lattice.document.Json;

/** A CAPI v1beta2 contract reference: {@code {apiGroup, kind, name}} in the same namespace. */
record Ref(String apiGroup, String kind, String name) {

  static Ref to(Document d) {
    String apiVersion = d.apiVersion();
    return new Ref(apiVersion.substring(0, apiVersion.indexOf('/')), d.kind(), d.name());
  }

  ObjectNode toJson() {
    ObjectNode o = Json.object();
    o.put("apiGroup", apiGroup);
    o.put("kind", kind);
    o.put("name", name);
    return o;
  }
}

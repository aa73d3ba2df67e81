/**
 * The vocabulary every part of the model shares, and which depends on no other part of it: the wire
 * annotations ({@link dev.lattice.model.base.WireName}, {@link dev.lattice.model.base.WireEnum},
 * {@link dev.lattice.model.base.Required}, {@link dev.lattice.model.base.DefaultValue}), the collection
 * helpers of {@link dev.lattice.model.base.Values}, a status {@link dev.lattice.model.base.Condition} and
 * the {@link dev.lattice.model.base.ObjectRef} of a namespaced name. The kinds (this package's parent)
 * bind the specs of the sub-packages, and the specs use this vocabulary, so it lives apart from both.
 */
package dev.lattice.model.base;

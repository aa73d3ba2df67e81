/**
 * Install artefacts generated from the model: CustomResourceDefinitions ({@link
 * dev.lattice.runtime.install.SchemaDeriver} derives their schemas from the records), RBAC and the
 * controller Deployment, and the catalogue of kinds the controller applies.
 */
package dev.lattice.runtime.install;

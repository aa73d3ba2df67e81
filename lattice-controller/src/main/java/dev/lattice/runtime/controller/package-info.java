/** The java-operator-sdk wiring: custom resource classes, one reconciler per kind, the operator, status and Events. */
package dev.lattice.runtime.controller;

/**
 * The layer {@code ${layerName}}: a {@code LayerType} service and its activation. Private: nothing here is
 * exported; the container finds the layer through its service.
 */
package ${package}.internal;

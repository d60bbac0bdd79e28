/**
 * The ${componentName} plugin. Private: nothing here is exported, the container reaches the optimizer
 * through its service.
 */
package ${package}.internal;

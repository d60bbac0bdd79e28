/**
 * Networks composed from layers, in the manner of neural-tangents' {@code stax} (Novak et al.
 * 2020, arXiv 1912.02803): a {@link org.overparam.nn.Layer} is a description such as
 * {@code Layers.dense(512)}; bound to an input shape it becomes a
 * {@link org.overparam.nn.BoundLayer} with its parameter blocks, forward pass, vector-Jacobian
 * product, R-operator passes (exact Hessian-vector products, Pearlmutter 1994), dense-layer NTK
 * pieces and, where one exists, its infinite-width kernel map (NNGP and NTK,
 * {@link org.overparam.nn.Kernels}). {@link org.overparam.nn.Network} binds a composition to an
 * input shape and is an {@link org.overparam.api.Model}.
 *
 * <p>Activations are batches stored as flat row-major {@code double[]} of {@code n x shape};
 * layers are immutable and thread-safe, and keep what their backward pass needs in the per-call
 * {@link org.overparam.nn.Pass} and {@link org.overparam.nn.Tangent} records. See docs/nn.md.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package org.overparam.nn;

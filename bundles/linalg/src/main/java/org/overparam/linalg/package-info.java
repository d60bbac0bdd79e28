/**
 * Dense linear algebra on row-major flat {@code double[]} arrays: the kernels every model and
 * analyzer's hot loop calls. {@link org.overparam.linalg.Linalg} (gemm, sgemm, gemv, symv, syrk,
 * dot, axpy), {@link org.overparam.linalg.Elementwise} (activations, Hadamard products, bias
 * broadcasts, reductions), {@link org.overparam.linalg.Im2col} (convolutions as gemm),
 * {@link org.overparam.linalg.SymmetricEigen} (LAPACK dsyevd/dsyevr) and
 * {@link org.overparam.linalg.Lanczos} (extreme eigenvalues of a matrix-free
 * {@link org.overparam.linalg.SymmetricOperator}), and the named map several plugins share:
 * {@link org.overparam.linalg.Normalization} (input scaling of the data sets).
 *
 * <p>One implementation is chosen at start-up: native OpenBLAS through netlib's JNI binding when
 * {@code libopenblas.so.0} loads, pure-Java kernels otherwise; {@code -Doverparam.linalg=java|native|auto}
 * forces a path, {@code -Doverparam.linalg.verbose=true} prints the choice. The JVM wants
 * {@code --add-modules jdk.incubator.vector} (fast pure-Java gemm) and, on JDK 22+,
 * {@code --enable-native-access=ALL-UNNAMED} (the JNI shim).
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.4.0")
package org.overparam.linalg;

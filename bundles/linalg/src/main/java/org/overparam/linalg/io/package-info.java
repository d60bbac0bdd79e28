/**
 * Reading and writing tensors in the safetensors format
 * (<a href="https://github.com/huggingface/safetensors">huggingface/safetensors</a>), the format
 * PyTorch users exchange weights in: an 8-byte little-endian header length, a JSON header naming
 * each tensor's dtype, shape and byte range, then the raw little-endian data. Values are handed
 * over as row-major {@code double[]}, the layout of Overparam's parameter blocks.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package org.overparam.linalg.io;

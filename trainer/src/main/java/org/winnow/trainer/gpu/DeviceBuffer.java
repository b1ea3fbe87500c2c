package org.winnow.trainer.gpu;

import jcuda.Pointer;
import jcuda.Sizeof;
import jcuda.driver.CUdeviceptr;
import jcuda.driver.JCudaDriver;

/** An array in device memory, of floats or ints (4 bytes each); freed by {@link #close()}. */
public final class DeviceBuffer implements AutoCloseable {
  private final CUdeviceptr ptr;
  private final long length;
  private final boolean owner;
  private boolean closed;

  private DeviceBuffer(CUdeviceptr ptr, long length) {
    this.ptr = ptr;
    this.length = length;
    this.owner = false;
  }

  public DeviceBuffer(long length) {
    if (length <= 0) {
      throw new IllegalArgumentException("device buffer length must be positive: " + length);
    }
    this.length = length;
    this.ptr = new CUdeviceptr();
    this.owner = true;
    JCudaDriver.cuMemAlloc(ptr, length * Sizeof.FLOAT);
    JCudaDriver.cuMemsetD32(ptr, 0, length);
  }

  public static DeviceBuffer of(float[] host) {
    DeviceBuffer b = new DeviceBuffer(host.length);
    b.upload(host);
    return b;
  }

  public static DeviceBuffer of(int[] host) {
    DeviceBuffer b = new DeviceBuffer(host.length);
    JCudaDriver.cuMemcpyHtoD(b.ptr, Pointer.to(host), (long) host.length * Sizeof.INT);
    return b;
  }

  /** A view of {@code [offset, offset + length)}; closing it frees nothing. */
  public DeviceBuffer slice(long offset, long len) {
    if (offset < 0 || len <= 0 || offset + len > length) {
      throw new IllegalArgumentException("slice [" + offset + ", " + (offset + len)
          + ") outside a buffer of " + length);
    }
    return new DeviceBuffer(ptr.withByteOffset(offset * Sizeof.FLOAT), len);
  }

  public long length() {
    return length;
  }

  CUdeviceptr pointer() {
    return ptr;
  }

  public void upload(float[] host) {
    check(host.length);
    JCudaDriver.cuMemcpyHtoD(ptr, Pointer.to(host), (long) host.length * Sizeof.FLOAT);
  }

  public void download(float[] host) {
    check(host.length);
    JCudaDriver.cuMemcpyDtoH(Pointer.to(host), ptr, (long) host.length * Sizeof.FLOAT);
  }

  public float[] toHost() {
    float[] h = new float[Math.toIntExact(length)];
    download(h);
    return h;
  }

  public void zero() {
    JCudaDriver.cuMemsetD32(ptr, 0, length);
  }

  private void check(int n) {
    if (n > length) {
      throw new IllegalArgumentException("host array of " + n + " exceeds the device buffer of "
          + length);
    }
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      if (owner) {
        JCudaDriver.cuMemFree(ptr);
      }
    }
  }
}

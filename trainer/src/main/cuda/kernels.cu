// Kernels of Winnow's GPU training path, launched through JCuda's driver API (extern "C" names).
// Every kernel computes what the CPU reference path (org.winnow.trainer.cpu) computes, on the
// same float32 layouts; matrix products round their inputs to bf16 and accumulate in fp32 on the
// tensor cores. Reductions run in a fixed order (no atomics), so a launch is deterministic.
#include <cuda_bf16.h>
#include <mma.h>

using namespace nvcuda;

#define WARP 32

__device__ __forceinline__ float warp_sum(float v) {
  for (int o = 16; o > 0; o >>= 1) v += __shfl_xor_sync(0xffffffffu, v, o);
  return v;
}

__device__ __forceinline__ float warp_max(float v) {
  for (int o = 16; o > 0; o >>= 1) v = fmaxf(v, __shfl_xor_sync(0xffffffffu, v, o));
  return v;
}

// ---------------------------------------------------------------------------------------------
// C[M,N] = (accumulate ? C : 0) + A[M,K] B[K,N] (+ bias[N]), C row-major with leading dimension N.
// A(i,k) = A[i*sai + k*sak] and B(k,j) = B[k*sbk + j*sbj], so one kernel serves x W, dy W^T and
// x^T dy. 64x64 tiles, 4 warps of 32x32, bf16 mma.sync through WMMA (m16n16k16), fp32 accumulate.
// Grid: (ceil(N/64), ceil(M/64)); block: 128 threads.
extern "C" __global__ void matmul_bf16(float* C, const float* A, const float* B,
    const float* bias, int M, int N, int K, long long sai, long long sak, long long sbk,
    long long sbj, int accumulate) {
  __shared__ __align__(32) __nv_bfloat16 As[64][24];
  __shared__ __align__(32) __nv_bfloat16 Bs[16][72];
  __shared__ __align__(32) float Cs[64][68];
  int warp = threadIdx.x / WARP;
  int wm = warp / 2;
  int wn = warp % 2;
  int m0 = blockIdx.y * 64;
  int n0 = blockIdx.x * 64;
  wmma::fragment<wmma::accumulator, 16, 16, 16, float> acc[2][2];
  for (int x = 0; x < 2; x++)
    for (int y = 0; y < 2; y++) wmma::fill_fragment(acc[x][y], 0.0f);
  for (int k0 = 0; k0 < K; k0 += 16) {
    for (int e = threadIdx.x; e < 64 * 16; e += blockDim.x) {
      int r = e / 16, c = e % 16, i = m0 + r, k = k0 + c;
      As[r][c] = __float2bfloat16(i < M && k < K ? A[i * sai + k * sak] : 0.0f);
    }
    for (int e = threadIdx.x; e < 16 * 64; e += blockDim.x) {
      int r = e / 64, c = e % 64, k = k0 + r, j = n0 + c;
      Bs[r][c] = __float2bfloat16(k < K && j < N ? B[k * sbk + j * sbj] : 0.0f);
    }
    __syncthreads();
    wmma::fragment<wmma::matrix_a, 16, 16, 16, __nv_bfloat16, wmma::row_major> a[2];
    wmma::fragment<wmma::matrix_b, 16, 16, 16, __nv_bfloat16, wmma::row_major> b[2];
    for (int x = 0; x < 2; x++) wmma::load_matrix_sync(a[x], &As[wm * 32 + x * 16][0], 24);
    for (int y = 0; y < 2; y++) wmma::load_matrix_sync(b[y], &Bs[0][wn * 32 + y * 16], 72);
    for (int x = 0; x < 2; x++)
      for (int y = 0; y < 2; y++) wmma::mma_sync(acc[x][y], a[x], b[y], acc[x][y]);
    __syncthreads();
  }
  for (int x = 0; x < 2; x++)
    for (int y = 0; y < 2; y++)
      wmma::store_matrix_sync(&Cs[wm * 32 + x * 16][wn * 32 + y * 16], acc[x][y], 68,
                              wmma::mem_row_major);
  __syncthreads();
  for (int e = threadIdx.x; e < 64 * 64; e += blockDim.x) {
    int r = e / 64, c = e % 64, i = m0 + r, j = n0 + c;
    if (i < M && j < N) {
      float v = Cs[r][c];
      if (bias != nullptr) v += bias[j];
      long long o = (long long)i * N + j;
      C[o] = accumulate ? C[o] + v : v;
    }
  }
}

// db[j] += sum over rows of dy[i][j]; one thread per column, rows in order.
extern "C" __global__ void bias_backward(float* db, const float* dy, int rows, int cols) {
  int j = blockIdx.x * blockDim.x + threadIdx.x;
  if (j >= cols) return;
  float s = 0.0f;
  for (int i = 0; i < rows; i++) s += dy[(long long)i * cols + j];
  db[j] += s;
}

// ---------------------------------------------------------------------------------------------
// LayerNorm, one warp per row. Grid: ceil(n / (blockDim/32)).
extern "C" __global__ void layernorm_forward(float* out, float* mean, float* rstd,
    const float* inp, const float* w, const float* b, int n, int c) {
  int row = blockIdx.x * (blockDim.x / WARP) + threadIdx.x / WARP;
  int lane = threadIdx.x % WARP;
  if (row >= n) return;
  const float* x = inp + (long long)row * c;
  float s = 0.0f;
  for (int i = lane; i < c; i += WARP) s += x[i];
  float m = warp_sum(s) / c;
  float v = 0.0f;
  for (int i = lane; i < c; i += WARP) {
    float d = x[i] - m;
    v += d * d;
  }
  float rs = rsqrtf(warp_sum(v) / c + 1e-5f);
  float* o = out + (long long)row * c;
  for (int i = lane; i < c; i += WARP) o[i] = (x[i] - m) * rs * w[i] + b[i];
  if (lane == 0) {
    mean[row] = m;
    rstd[row] = rs;
  }
}

// dinp += LayerNorm backward of dout; one warp per row.
extern "C" __global__ void layernorm_backward_input(float* dinp, const float* dout,
    const float* inp, const float* w, const float* mean, const float* rstd, int n, int c) {
  int row = blockIdx.x * (blockDim.x / WARP) + threadIdx.x / WARP;
  int lane = threadIdx.x % WARP;
  if (row >= n) return;
  const float* x = inp + (long long)row * c;
  const float* dy = dout + (long long)row * c;
  float m = mean[row], rs = rstd[row];
  float a = 0.0f, bb = 0.0f;
  for (int i = lane; i < c; i += WARP) {
    float norm = (x[i] - m) * rs;
    float dn = w[i] * dy[i];
    a += dn;
    bb += dn * norm;
  }
  a = warp_sum(a) / c;
  bb = warp_sum(bb) / c;
  float* dx = dinp + (long long)row * c;
  for (int i = lane; i < c; i += WARP) {
    float norm = (x[i] - m) * rs;
    dx[i] += (w[i] * dy[i] - a - norm * bb) * rs;
  }
}

// dw[i] += sum_rows norm * dout, db[i] += sum_rows dout; one thread per channel, rows in order.
extern "C" __global__ void layernorm_backward_params(float* dw, float* db, const float* dout,
    const float* inp, const float* mean, const float* rstd, int n, int c) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i >= c) return;
  float sw = 0.0f, sb = 0.0f;
  for (int r = 0; r < n; r++) {
    long long o = (long long)r * c + i;
    sw += (inp[o] - mean[r]) * rstd[r] * dout[o];
    sb += dout[o];
  }
  dw[i] += sw;
  db[i] += sb;
}

// ---------------------------------------------------------------------------------------------
#define GELU_S 0.7978845608028654f
#define GELU_K 0.044715f

extern "C" __global__ void gelu_forward(float* out, const float* inp, long long n) {
  long long i = (long long)blockIdx.x * blockDim.x + threadIdx.x;
  if (i >= n) return;
  float x = inp[i];
  out[i] = 0.5f * x * (1.0f + tanhf(GELU_S * (x + GELU_K * x * x * x)));
}

// dinp = gelu'(inp) * dout (may be the same buffer as dout).
extern "C" __global__ void gelu_backward(float* dinp, const float* inp, const float* dout,
    long long n) {
  long long i = (long long)blockIdx.x * blockDim.x + threadIdx.x;
  if (i >= n) return;
  float x = inp[i];
  float th = tanhf(GELU_S * (x + GELU_K * x * x * x));
  float sech2 = 1.0f - th * th;
  float g = 0.5f * (1.0f + th) + x * 0.5f * sech2 * GELU_S * (1.0f + 3.0f * GELU_K * x * x);
  dinp[i] = g * dout[i];
}

extern "C" __global__ void add(float* out, const float* a, const float* b, long long n) {
  long long i = (long long)blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) out[i] = a[i] + b[i];
}

// ---------------------------------------------------------------------------------------------
// Causal attention: matrix products done per query row by one warp, softmax fused in between.
// qkv [B][T][3C]; att [B][H][T][T] keeps the probabilities for the backward pass.
// Grid: ceil(B*H*T / (blockDim/32)).
extern "C" __global__ void attention_forward(float* out, float* att, const float* qkv, int B,
    int T, int C, int H) {
  int idx = blockIdx.x * (blockDim.x / WARP) + threadIdx.x / WARP;
  int lane = threadIdx.x % WARP;
  if (idx >= B * H * T) return;
  int t = idx % T, h = (idx / T) % H, b = idx / (T * H);
  int hs = C / H;
  float scale = rsqrtf((float)hs);
  const float* q = qkv + ((long long)b * T + t) * 3 * C + h * hs;
  float* a = att + (((long long)b * H + h) * T + t) * T;
  float mx = -INFINITY;
  for (int j = lane; j <= t; j += WARP) {
    const float* k = qkv + ((long long)b * T + j) * 3 * C + C + h * hs;
    float s = 0.0f;
    for (int d = 0; d < hs; d++) s += q[d] * k[d];
    s *= scale;
    a[j] = s;
    mx = fmaxf(mx, s);
  }
  mx = warp_max(mx);
  float sum = 0.0f;
  for (int j = lane; j <= t; j += WARP) {
    float e = __expf(a[j] - mx);
    a[j] = e;
    sum += e;
  }
  float inv = 1.0f / warp_sum(sum);
  for (int j = lane; j <= t; j += WARP) a[j] *= inv;
  __syncwarp();
  float* o = out + ((long long)b * T + t) * C + h * hs;
  for (int d = lane; d < hs; d += WARP) {
    float s = 0.0f;
    for (int j = 0; j <= t; j++) s += a[j] * qkv[((long long)b * T + j) * 3 * C + 2 * C + h * hs + d];
    o[d] = s;
  }
}

// Backward, query side: dpre [B][H][T][T] (softmax backward) and dq, written. One warp per row.
extern "C" __global__ void attention_backward_query(float* dqkv, float* dpre, const float* dout,
    const float* qkv, const float* att, int B, int T, int C, int H) {
  int idx = blockIdx.x * (blockDim.x / WARP) + threadIdx.x / WARP;
  int lane = threadIdx.x % WARP;
  if (idx >= B * H * T) return;
  int t = idx % T, h = (idx / T) % H, b = idx / (T * H);
  int hs = C / H;
  float scale = rsqrtf((float)hs);
  const float* dy = dout + ((long long)b * T + t) * C + h * hs;
  const float* a = att + (((long long)b * H + h) * T + t) * T;
  float* dp = dpre + (((long long)b * H + h) * T + t) * T;
  float dot = 0.0f;
  for (int j = lane; j <= t; j += WARP) {
    const float* v = qkv + ((long long)b * T + j) * 3 * C + 2 * C + h * hs;
    float s = 0.0f;
    for (int d = 0; d < hs; d++) s += dy[d] * v[d];
    dp[j] = s;
    dot += s * a[j];
  }
  dot = warp_sum(dot);
  for (int j = lane; j <= t; j += WARP) dp[j] = a[j] * (dp[j] - dot) * scale;
  __syncwarp();
  float* dq = dqkv + ((long long)b * T + t) * 3 * C + h * hs;
  for (int d = lane; d < hs; d += WARP) {
    float s = 0.0f;
    for (int j = 0; j <= t; j++) s += dp[j] * qkv[((long long)b * T + j) * 3 * C + C + h * hs + d];
    dq[d] = s;
  }
}

// Backward, key side: dk and dv of key position j, summed over the queries t >= j in order.
extern "C" __global__ void attention_backward_key(float* dqkv, const float* dpre,
    const float* dout, const float* qkv, const float* att, int B, int T, int C, int H) {
  int idx = blockIdx.x * (blockDim.x / WARP) + threadIdx.x / WARP;
  int lane = threadIdx.x % WARP;
  if (idx >= B * H * T) return;
  int j = idx % T, h = (idx / T) % H, b = idx / (T * H);
  int hs = C / H;
  long long rowBase = ((long long)b * H + h) * T;
  for (int d = lane; d < hs; d += WARP) {
    float dk = 0.0f, dv = 0.0f;
    for (int t = j; t < T; t++) {
      long long p = (rowBase + t) * T + j;
      dk += dpre[p] * qkv[((long long)b * T + t) * 3 * C + h * hs + d];
      dv += att[p] * dout[((long long)b * T + t) * C + h * hs + d];
    }
    float* base = dqkv + ((long long)b * T + j) * 3 * C + h * hs + d;
    base[C] = dk;
    base[2 * C] = dv;
  }
}

// ---------------------------------------------------------------------------------------------
// Softmax over the real vocabulary fused with cross-entropy and, when backward != 0, its gradient
// (p - onehot) * scale written over the logits. A negative target is not scored. One block of
// 256 threads per row; block reductions in a fixed tree order.
__device__ float block_reduce(float v, bool isMax, float* shared) {
  int lane = threadIdx.x % WARP, warp = threadIdx.x / WARP;
  v = isMax ? warp_max(v) : warp_sum(v);
  if (lane == 0) shared[warp] = v;
  __syncthreads();
  float r = isMax ? -INFINITY : 0.0f;
  if (warp == 0) {
    r = lane < blockDim.x / WARP ? shared[lane] : r;
    r = isMax ? warp_max(r) : warp_sum(r);
    if (lane == 0) shared[0] = r;
  }
  __syncthreads();
  r = shared[0];
  __syncthreads();
  return r;
}

extern "C" __global__ void softmax_cross_entropy(float* logits, float* losses,
    const int* targets, int V, int Vp, int backward, float scale) {
  __shared__ float shared[32];
  long long row = blockIdx.x;
  float* x = logits + row * Vp;
  int target = targets[row];
  float mx = -INFINITY;
  for (int v = threadIdx.x; v < V; v += blockDim.x) mx = fmaxf(mx, x[v]);
  mx = block_reduce(mx, true, shared);
  float s = 0.0f;
  for (int v = threadIdx.x; v < V; v += blockDim.x) s += expf(x[v] - mx);
  s = block_reduce(s, false, shared);
  float logSum = logf(s) + mx;
  if (threadIdx.x == 0) losses[row] = target >= 0 ? logSum - x[target] : 0.0f;
  __syncthreads();
  if (!backward) return;
  for (int v = threadIdx.x; v < Vp; v += blockDim.x) {
    float g = 0.0f;
    if (target >= 0 && v < V) g = (expf(x[v] - logSum) - (v == target ? 1.0f : 0.0f)) * scale;
    x[v] = g;
  }
}

// ---------------------------------------------------------------------------------------------
extern "C" __global__ void encoder_forward(float* out, const int* tokens, const float* wte,
    const float* wpe, int N, int T, int C) {
  long long i = (long long)blockIdx.x * blockDim.x + threadIdx.x;
  if (i >= (long long)N * C) return;
  int n = i / C, c = i % C;
  out[i] = wte[(long long)tokens[n] * C + c] + wpe[(long long)(n % T) * C + c];
}

// dwpe[t][c] += sum over the batch; one thread per (t, c).
extern "C" __global__ void encoder_backward_position(float* dwpe, const float* dout, int B,
    int T, int C) {
  long long i = (long long)blockIdx.x * blockDim.x + threadIdx.x;
  if (i >= (long long)T * C) return;
  int t = i / C, c = i % C;
  float s = 0.0f;
  for (int b = 0; b < B; b++) s += dout[((long long)b * T + t) * C + c];
  dwpe[i] += s;
}

// dwte[token][c] += dout[n][c] for every position n in order; one thread per channel, so a token
// that repeats is summed without atomics.
extern "C" __global__ void encoder_backward_token(float* dwte, const float* dout,
    const int* tokens, int N, int C) {
  int c = blockIdx.x * blockDim.x + threadIdx.x;
  if (c >= C) return;
  for (int n = 0; n < N; n++) dwte[(long long)tokens[n] * C + c] += dout[(long long)n * C + c];
}

// ---------------------------------------------------------------------------------------------
// AdamW on fp32 master weights; decoupled decay wd (0 for biases and LayerNorm parameters).
extern "C" __global__ void adamw(float* params, const float* grads, float* m, float* v,
    long long n, float lr, float beta1, float beta2, float eps, float wd, float c1, float c2) {
  long long i = (long long)blockIdx.x * blockDim.x + threadIdx.x;
  if (i >= n) return;
  float g = grads[i];
  float mi = beta1 * m[i] + (1.0f - beta1) * g;
  float vi = beta2 * v[i] + (1.0f - beta2) * g * g;
  m[i] = mi;
  v[i] = vi;
  float mh = mi / c1, vh = vi / c2;
  params[i] -= lr * (mh / (sqrtf(vh) + eps) + wd * params[i]);
}

// Any non-finite value in x sets *flag to 1: the step refuses to apply a NaN.
extern "C" __global__ void find_nonfinite(int* flag, const float* x, long long n) {
  long long i = (long long)blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n && !isfinite(x[i])) *flag = 1;
}

// x *= s (gradient clipping by global norm).
extern "C" __global__ void scale(float* x, float s, long long n) {
  long long i = (long long)blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) x[i] *= s;
}

#!/usr/bin/env python3
"""PyTorch reference for the trainer's GPU figure: tokens/s and MFU of a GPT-2 124M training step.

The same model as Winnow's `gpt2-124m` preset (12 layers, 768 wide, 12 heads, context 1024,
vocabulary 50,257 padded to 50,304, tied output layer, pre-LayerNorm, GELU tanh), AdamW
(betas 0.9/0.95, weight decay 0.1 on matrices), bf16 autocast, fp32 master weights, compiled
with torch.compile, on random tokens at batch 16 x 1024. MFU counts llm.c's 6N + 6LCT FLOPs per
token against --peak-tflops (989 for an H100 SXM in dense bf16).

    python3 bench/torch_reference.py [--batch 16] [--seq 1024] [--steps 30] [--peak-tflops 989]

Uses only what a PyTorch image has; nothing is downloaded.
"""
import argparse
import math
import time

import torch
import torch.nn as nn
import torch.nn.functional as F


class Block(nn.Module):
    def __init__(self, c, h):
        super().__init__()
        self.h = h
        self.ln_1 = nn.LayerNorm(c)
        self.c_attn = nn.Linear(c, 3 * c)
        self.attn_proj = nn.Linear(c, c)
        self.ln_2 = nn.LayerNorm(c)
        self.c_fc = nn.Linear(c, 4 * c)
        self.mlp_proj = nn.Linear(4 * c, c)

    def forward(self, x):
        b, t, c = x.shape
        q, k, v = self.c_attn(self.ln_1(x)).split(c, dim=2)
        q, k, v = (z.view(b, t, self.h, c // self.h).transpose(1, 2) for z in (q, k, v))
        y = F.scaled_dot_product_attention(q, k, v, is_causal=True)
        x = x + self.attn_proj(y.transpose(1, 2).contiguous().view(b, t, c))
        return x + self.mlp_proj(F.gelu(self.c_fc(self.ln_2(x)), approximate="tanh"))


class Gpt(nn.Module):
    def __init__(self, layers=12, heads=12, width=768, context=1024, vocab=50304):
        super().__init__()
        self.wte = nn.Embedding(vocab, width)
        self.wpe = nn.Embedding(context, width)
        self.blocks = nn.ModuleList(Block(width, heads) for _ in range(layers))
        self.ln_f = nn.LayerNorm(width)
        for name, p in self.named_parameters():
            if p.dim() == 2:
                std = 0.02 / math.sqrt(2 * layers) if name.endswith("proj.weight") else 0.02
                nn.init.normal_(p, 0.0, std)
            elif name.endswith("bias"):
                nn.init.zeros_(p)

    def forward(self, idx, targets):
        t = idx.shape[1]
        x = self.wte(idx) + self.wpe(torch.arange(t, device=idx.device))
        for blk in self.blocks:
            x = blk(x)
        logits = self.ln_f(x) @ self.wte.weight.T  # tied output layer
        return F.cross_entropy(logits[..., :50257].float().view(-1, 50257), targets.view(-1))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--batch", type=int, default=16)
    ap.add_argument("--seq", type=int, default=1024)
    ap.add_argument("--steps", type=int, default=30)
    ap.add_argument("--peak-tflops", type=float, default=989.0)
    a = ap.parse_args()
    torch.manual_seed(1337)
    dev = "cuda"
    model = Gpt().to(dev)
    n = sum(p.numel() for p in model.parameters())
    decay = [p for p in model.parameters() if p.dim() >= 2]
    rest = [p for p in model.parameters() if p.dim() < 2]
    opt = torch.optim.AdamW([{"params": decay, "weight_decay": 0.1},
                             {"params": rest, "weight_decay": 0.0}],
                            lr=6e-4, betas=(0.9, 0.95), eps=1e-8, fused=True)
    step = torch.compile(model)
    flops_per_token = 6 * n + 6 * 12 * 768 * a.seq
    times = []
    for s in range(a.steps + 5):
        x = torch.randint(0, 50257, (a.batch, a.seq), device=dev)
        y = torch.randint(0, 50257, (a.batch, a.seq), device=dev)
        torch.cuda.synchronize()
        t0 = time.perf_counter()
        with torch.autocast("cuda", dtype=torch.bfloat16):
            loss = step(x, y)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step()
        opt.zero_grad(set_to_none=True)
        torch.cuda.synchronize()
        if s >= 5:  # compilation and warm-up
            times.append(time.perf_counter() - t0)
    mean = sum(times) / len(times)
    tps = a.batch * a.seq / mean
    mfu = tps * flops_per_token / (a.peak_tflops * 1e12)
    print(f"torch {torch.__version__} {torch.cuda.get_device_name()}: {n:,} params, "
          f"batch {a.batch}x{a.seq}: {mean * 1e3:.1f} ms/step, {tps:,.0f} tokens/s, "
          f"MFU {100 * mfu:.1f}% of {a.peak_tflops:.0f} TFLOP/s (6N + 6LCT), "
          f"last loss {loss.item():.4f}")


if __name__ == "__main__":
    main()

#!/usr/bin/python3
"""Independent torch.optim reference trajectories for the Overshoot engine.

Runs every case below with real PyTorch (float64, autograd gradients, torch.optim,
torch.optim.lr_scheduler, torch.nn.utils.clip_grad_norm_) and writes the fixture JSON.
Run with the system interpreter (Debian's python3-torch):

    /usr/bin/python3 scripts/torch_reference.py > tests/fixtures/torch-reference.json
    /usr/bin/python3 scripts/torch_reference.py tests/fixtures/torch-reference.json

Sanity checks go to stderr (finiteness, movement, closed form for plain SGD
on the quadratic, trajectory change under a 1e-12 relative start perturbation,
conditioning of loss/gradNorm at each recorded point); exit status 1 if any fails.

Step k = 0..N-1: zero grad, loss = f(p), backward, optional clip, record (w_k, f(w_k),
|grad f(w_k)| before clipping, lr of step k), optimizer.step(), scheduler.step(); then
w_N, f(w_N), |grad f(w_N)| and the lr for step N, so every array has N+1 entries.
"""
import json
import math
import platform
import sys

import torch

torch.set_default_dtype(torch.float64)
T = torch.tensor


# ---------------------------------------------------------------- surfaces
def hessian(s):  # quadratic surface: H = R^T diag(l1, l2) R
    c, sn = math.cos(s["angle"]), math.sin(s["angle"])
    R = T([[c, -sn], [sn, c]])
    return R.T @ torch.diag(T(s["eigenvalues"])) @ R


def make_loss(s):
    kind = s["kind"]
    if kind == "quadratic":
        H, center = hessian(s), T(s["center"])
        return lambda p: 0.5 * ((p - center) @ H @ (p - center))
    if kind == "rosenbrock":
        a, b = s.get("a", 1.0), s.get("b", 100.0)
        return lambda p: (a - p[0]) ** 2 + b * (p[1] - p[0] ** 2) ** 2
    if kind == "cliff":
        h, st, x0 = s.get("height", 10.0), s.get("steepness", 50.0), s.get("position", 1.0)
        return lambda p: 0.5 * (p[0] ** 2 + p[1] ** 2) + h * torch.sigmoid(st * (p[0] - x0))
    if kind == "wells":
        def f(p):
            out = s["bowl"] * (p[0] ** 2 + p[1] ** 2) / 2
            for w in s["wells"]:
                r2 = (p[0] - w["center"][0]) ** 2 + (p[1] - w["center"][1]) ** 2
                out = out - w["depth"] * torch.exp(-r2 / (2 * w["width"] ** 2))
            return out
        return f
    if kind == "product":  # ((xy)^p - t)^2 / (2p)
        t, pw = s.get("target", 1.0), s.get("power", 2)
        return lambda p: ((p[0] * p[1]) ** pw - t) ** 2 / (2 * pw)
    raise ValueError(kind)


# ------------------------------------------------- optimizers and schedules
KWARGS = {  # run-spec field -> torch keyword, per optimizer kind
    "sgd": {"lr": "lr", "momentum": "momentum", "dampening": "dampening",
            "nesterov": "nesterov", "weightDecay": "weight_decay"},
    "adam": {"lr": "lr", "betas": "betas", "eps": "eps", "weightDecay": "weight_decay",
             "amsgrad": "amsgrad"},
    "rmsprop": {"lr": "lr", "alpha": "alpha", "eps": "eps", "momentum": "momentum",
                "centered": "centered", "weightDecay": "weight_decay"},
    "adagrad": {"lr": "lr", "lrDecay": "lr_decay", "eps": "eps", "weightDecay": "weight_decay",
                "initialAccumulatorValue": "initial_accumulator_value"},
}
KWARGS["adamw"] = KWARGS["adam"]
CLASSES = {"sgd": torch.optim.SGD, "adam": torch.optim.Adam, "adamw": torch.optim.AdamW,
           "rmsprop": torch.optim.RMSprop, "adagrad": torch.optim.Adagrad}


def make_optimizer(o, p):
    kw = {KWARGS[o["kind"]][k]: (tuple(v) if k == "betas" else v)
          for k, v in o.items() if k != "kind"}
    return CLASSES[o["kind"]]([p], **kw)


def schedule_factor(s):
    if s["kind"] == "constant":
        return lambda k: 1.0
    if s["kind"] == "linearWarmup":
        W = s["warmupSteps"]
        return lambda k: min(1.0, (k + 1) / W)
    if s["kind"] == "warmupCosine":
        W, Tt, m = s["warmupSteps"], s["totalSteps"], s["minFactor"]
        return lambda k: (k + 1) / W if k < W else \
            m + (1 - m) * 0.5 * (1 + math.cos(math.pi * min(1.0, (k - W) / (Tt - W))))
    raise ValueError(s["kind"])


def make_scheduler(s, opt):
    if s["kind"] == "exponential":
        return torch.optim.lr_scheduler.ExponentialLR(opt, gamma=s["gamma"])
    if s["kind"] == "cosineRestarts":
        base = opt.param_groups[0]["lr"]
        return torch.optim.lr_scheduler.CosineAnnealingWarmRestarts(
            opt, T_0=s["t0"], T_mult=s.get("tMult", 1), eta_min=s.get("minFactor", 0.0) * base)
    if s["kind"] == "step":
        return torch.optim.lr_scheduler.StepLR(opt, step_size=s["stepSize"], gamma=s["gamma"])
    return torch.optim.lr_scheduler.LambdaLR(opt, schedule_factor(s))


# ------------------------------------------------------------------ runner
def evaluate(f, p):
    """Zero grad, forward, backward; returns (loss, grad norm) as floats."""
    p.grad = None
    loss = f(p)
    loss.backward()
    return loss.item(), p.grad.norm(2).item()


def run(spec, start=None):
    f = make_loss(spec["surface"])
    p = T(start if start is not None else spec["start"]).requires_grad_(True)
    opt = make_optimizer(spec["optimizer"], p)
    sched = make_scheduler(spec.get("schedule") or {"kind": "constant"}, opt)
    clip, rows = spec.get("clip"), []
    for _ in range(spec["steps"]):
        loss, gnorm = evaluate(f, p)
        if clip is not None:  # returns the total norm before clipping
            gnorm = torch.nn.utils.clip_grad_norm_([p], clip["maxNorm"]).item()
        rows.append((p.detach().tolist(), loss, gnorm, opt.param_groups[0]["lr"]))
        opt.step()
        sched.step()
    rows.append((p.detach().tolist(), *evaluate(f, p), opt.param_groups[0]["lr"]))
    return {key: [r[i] for r in rows] for i, key in enumerate(("w", "loss", "gradNorm", "lr"))}


# ------------------------------------------------------------------- cases
QUAD = {"kind": "quadratic", "eigenvalues": [1.0, 20.0], "angle": 0.6, "center": [0.5, -1.0]}
ROSEN = {"kind": "rosenbrock", "a": 1.0, "b": 100.0}
CLIFF = {"kind": "cliff", "height": 10.0, "steepness": 50.0, "position": 1.0}
WELLS = {"kind": "wells", "bowl": 0.1, "wells": [
    {"center": [2.0, 1.0], "depth": 2.0, "width": 0.8},
    {"center": [-2.0, 1.5], "depth": 1.2, "width": 0.7},
    {"center": [0.0, -2.0], "depth": 1.0, "width": 0.6}]}
CONST = {"kind": "constant"}


def sgd(lr, momentum=0.0, dampening=0.0, nesterov=False, wd=0.0):
    return {"kind": "sgd", "lr": lr, "momentum": momentum, "dampening": dampening,
            "nesterov": nesterov, "weightDecay": wd}


def adam(lr, wd=0.0, amsgrad=False, kind="adam"):
    return {"kind": kind, "lr": lr, "betas": [0.9, 0.999], "eps": 1e-8,
            "weightDecay": wd, "amsgrad": amsgrad}


def rmsprop(lr, momentum=0.0, centered=False, wd=0.0):
    return {"kind": "rmsprop", "lr": lr, "alpha": 0.99, "eps": 1e-8, "momentum": momentum,
            "centered": centered, "weightDecay": wd}


def adagrad(lr, lr_decay=0.0, init=0.0, wd=0.0):
    return {"kind": "adagrad", "lr": lr, "lrDecay": lr_decay, "initialAccumulatorValue": init,
            "eps": 1e-10, "weightDecay": wd}


def case(name, surface, start, optimizer, schedule=CONST, clip=None, steps=120):
    return {"name": name, "spec": {"surface": surface, "optimizer": optimizer,
                                   "schedule": schedule, "clip": clip, "noise": None,
                                   "start": start, "steps": steps, "seed": 0}}


SCHEDULES = [("linearWarmup", {"kind": "linearWarmup", "warmupSteps": 20}),
             ("warmupCosine", {"kind": "warmupCosine", "warmupSteps": 10, "totalSteps": 100,
                               "minFactor": 0.1}),
             ("stepLR", {"kind": "step", "stepSize": 30, "gamma": 0.5})]


def surface_cases(tag, surface, start, n, lr):
    """The optimizer/schedule/clip matrix on one surface: n steps (at least 150 for
    warmupCosine so it runs past totalSteps); lr maps role -> learning rate / max norm."""
    def c(name, optimizer, schedule=CONST, clip=None, steps=n):
        return case(f"{tag}/{name}", surface, start, optimizer, schedule, clip, steps)
    out = [
        c("sgd", sgd(lr["sgd"])),
        c("sgd-momentum", sgd(lr["mom"], 0.9)),
        c("sgd-momentum-dampening", sgd(lr["mom"], 0.9, 0.3)),
        c("sgd-nesterov", sgd(lr["mom"], 0.9, nesterov=True)),
        c("sgd-momentum-wd", sgd(lr["mom"], 0.9, wd=0.1)),
        c("adam", adam(lr["adam"])),
        c("adam-amsgrad", adam(lr["adam"], amsgrad=True)),
        c("adam-wd", adam(lr["adam"], wd=0.1)),
        c("adamw", adam(lr["adam"], wd=0.1, kind="adamw")),
        c("adamw-amsgrad", adam(lr["adam"], wd=0.1, amsgrad=True, kind="adamw")),
        c("rmsprop", rmsprop(lr["rms"])),
        c("rmsprop-centered", rmsprop(lr["rms"], centered=True)),
        c("rmsprop-momentum", rmsprop(lr["rms"], 0.5)),
        c("rmsprop-centered-momentum-wd", rmsprop(lr["rms"], 0.5, centered=True, wd=0.1)),
        c("adagrad", adagrad(lr["adagrad"])),
        c("adagrad-decay-init-wd", adagrad(lr["adagrad"], 0.01, 0.1, 0.05)),
    ]
    for sname, sched in SCHEDULES:
        steps = max(n, 150) if sname == "warmupCosine" else n
        out.append(c(f"sgd-momentum-{sname}", sgd(lr["mom"], 0.9), sched, steps=steps))
        out.append(c(f"adam-{sname}", adam(lr["adamSched"]), sched, steps=steps))
    return out + [
        c("sgd-clip-active", sgd(lr["clipSgd"]), clip={"maxNorm": lr["clipSgdNorm"]}),
        c("adam-clip-active", adam(lr["clipAdam"]), clip={"maxNorm": lr["clipAdamNorm"]}),
        c("sgd-clip-inactive", sgd(lr["sgd"]), clip={"maxNorm": 1000.0}),
    ]


CASES = (
    surface_cases("quadratic", QUAD, [3.0, 2.0], 120, {
        "sgd": 0.04, "mom": 0.01, "adam": 0.05, "rms": 0.02, "adagrad": 0.5, "adamSched": 0.05,
        "clipSgd": 0.04, "clipSgdNorm": 0.5, "clipAdam": 0.05, "clipAdamNorm": 0.5})
    + surface_cases("rosenbrock", ROSEN, [-1.5, 2.0], 200, {
        "sgd": 0.001, "mom": 0.0005, "adam": 0.05, "rms": 0.007, "adagrad": 0.5, "adamSched": 0.1,
        "clipSgd": 0.005, "clipSgdNorm": 5.0, "clipAdam": 0.01, "clipAdamNorm": 1.0})
    + [case("cliff/sgd", CLIFF, [2.5, 0.5], sgd(0.05), steps=150),
       case("cliff/sgd-clip", CLIFF, [2.5, 0.5], sgd(0.05), clip={"maxNorm": 1.0}, steps=150),
       case("wells/adam", WELLS, [-0.5, 0.5], adam(0.05), steps=150),
       case("wells/sgd-momentum", WELLS, [-0.5, 0.5], sgd(0.02, 0.9), steps=150),
       case("product/p2-sgd-edge", {"kind": "product", "target": 1.0, "power": 2}, [2.25, 0.1], sgd(0.225), steps=300),
       case("product/p1-adam", {"kind": "product", "target": 2.0, "power": 1}, [1.5, -0.3], adam(0.05), steps=150),
       case("quadratic/sgd-exponential", QUAD, [3.0, 2.0], sgd(0.001),
            {"kind": "exponential", "gamma": 1.03}, steps=150),
       case("rosenbrock/sgd-cosineRestarts", ROSEN, [-1.5, 2.0], sgd(0.0015, 0.5),
            {"kind": "cosineRestarts", "t0": 25, "tMult": 1, "minFactor": 0.05}, steps=150),
       case("wells/adam-cosineRestarts-tMult2", WELLS, [-0.5, 0.5], adam(0.1),
            {"kind": "cosineRestarts", "t0": 10, "tMult": 2, "minFactor": 0.0}, steps=160)]
    + [case(f"defaults/{k}", QUAD, [3.0, 2.0], {"kind": k, "lr": lr})  # torch defaults for the rest
       for k, lr in [("sgd", 0.04), ("adam", 0.05), ("adamw", 0.05), ("rmsprop", 0.02),
                     ("adagrad", 0.5)]]
)


# ------------------------------------------------------------------ checks
def rel(a, b):
    return abs(a - b) / max(abs(a), abs(b), 1e-300)


def flat(rec):
    return [v for w in rec["w"] for v in w] + rec["loss"] + rec["gradNorm"]


def conditioning(spec, rec, d=1e-12):
    """Max relative change of loss/gradNorm when a recorded w_k moves by d*|w_k| (per axis)."""
    f, worst = make_loss(spec["surface"]), 0.0
    for w, loss, gn in zip(rec["w"], rec["loss"], rec["gradNorm"]):
        for q in ([w[0] + d * max(map(abs, w)), w[1]], [w[0], w[1] + d * max(map(abs, w))]):
            l2, g2 = evaluate(f, T(q).requires_grad_(True))
            worst = max(worst, rel(loss, l2), rel(gn, g2))
    return worst / d


def check(c, rec, log):
    spec, moved = c["spec"], math.dist(rec["w"][0], rec["w"][-1])
    ok = (all(len(rec[k]) == spec["steps"] + 1 for k in rec) and moved > 0.1
          and all(math.isfinite(v) for v in flat(rec) + rec["lr"]))
    if not ok:
        log(f"FAIL {c['name']}: non-finite values, wrong lengths or barely moved")
    start = [v * (1 + 1e-12) for v in spec["start"]]
    change = max(rel(a, b) for a, b in zip(flat(rec), flat(run(spec, start))))
    cond = conditioning(spec, rec)
    limit = spec["clip"]["maxNorm"] if spec["clip"] else math.inf
    active = sum(g > limit for g in rec["gradNorm"][:-1])
    clip_frac = f" clip active {active}/{spec['steps']}" if spec["clip"] else ""
    # Either number above 1e6 (x) means ulp-level differences could reach 1e-9 relative.
    flag = "  <-- FLAG" if change > 1e-6 or cond > 1e6 else ""
    log(f"{c['name']:44s} moved {moved:7.3f}  perturb-change {change:8.2e} "
        f"(x{change / 1e-12:8.2e})  eval-cond {cond:8.2e}  min-loss "
        f"{min(map(abs, rec['loss'])):8.2e}{clip_frac}{flag}")
    return ok and not flag


def closed_form_check(rec, spec, log):
    s = spec["surface"]
    M, center = torch.eye(2) - spec["optimizer"]["lr"] * hessian(s), T(s["center"])
    d0 = T(spec["start"]) - center
    err = max(rel(a, b) for k, w in enumerate(rec["w"])
              for a, b in zip(w, (center + torch.linalg.matrix_power(M, k) @ d0).tolist()))
    log(f"closed form w_k = c + (I - lr H)^k (w0 - c): max relative error {err:.3e}")
    return err < 1e-12


def dump(out):
    """Compact but diffable JSON: one line per case field; floats are repr (exact round trip)."""
    enc = lambda v: json.dumps(v, allow_nan=False)
    cases = ",\n".join("  {" + ",\n   ".join(f"{enc(k)}: {enc(v)}" for k, v in c.items()) + "}"
                        for c in out["cases"])
    head = ", ".join(f"{enc(k)}: {enc(v)}" for k, v in out.items() if k != "cases")
    text = "{" + head + ',\n "cases": [\n' + cases + "\n ]\n}\n"
    assert json.loads(text) == out
    return text


def main():
    log = lambda msg: print(msg, file=sys.stderr)
    cases, ok = [], True
    for c in CASES:
        rec = run(c["spec"])
        ok &= check(c, rec, log)
        if c["name"] == "quadratic/sgd":
            ok &= closed_form_check(rec, c["spec"], log)
        cases.append({**c, **rec})
    text = dump({"generator": "scripts/torch_reference.py", "torch": torch.__version__,
                 "python": platform.python_version(), "cases": cases})
    with (open(sys.argv[1], "w") if len(sys.argv) > 1 else sys.stdout) as fh:
        fh.write(text)
    log(f"{len(cases)} cases, torch {torch.__version__}; checks {'OK' if ok else 'FAILED'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())

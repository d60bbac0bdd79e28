#!/usr/bin/env python3
"""Writes torch_mlp.safetensors: a small PyTorch MLP's weights under Overparam's fc names.

torch.nn.Sequential(Linear(4, 8), ReLU(), Linear(8, 8), ReLU(), Linear(8, 3)) with torch's default
initialization (seed 0, float32) is converted by tools/torch_to_safetensors.py's renaming and written
by tools/safetensors_stdlib.py (standard library only). The metadata holds five inputs and the
outputs torch computes on them, so a test can check that Overparam reads the layout as torch means it.

Needs Debian's python3-torch (run with /usr/bin/python3 from the repository root):
    /usr/bin/python3 plugins/io-safetensors/src/test/resources/org/overparam/plugin/safetensors/internal/make_torch_fixture.py
"""
import json
import sys
from pathlib import Path

here = Path(__file__).resolve().parent
sys.path.insert(0, str(here.parents[9] / "tools"))
import safetensors_stdlib  # noqa: E402
import torch_to_safetensors  # noqa: E402
import torch  # noqa: E402

torch.manual_seed(0)
net = torch.nn.Sequential(torch.nn.Linear(4, 8), torch.nn.ReLU(), torch.nn.Linear(8, 8), torch.nn.ReLU(),
                          torch.nn.Linear(8, 3))
x = torch.linspace(-1, 1, 20, dtype=torch.float32).reshape(5, 4)
with torch.no_grad():
    y = net(x)
sd = net.state_dict()
names = torch_to_safetensors.fc_names(list(sd.keys()))
tensors = {names[k]: (list(v.shape), v.double().flatten().tolist()) for k, v in sd.items()}
metadata = {"format": "pt", "overparam.values": "effective",
            "inputs": json.dumps(x.double().flatten().tolist()),
            "torch_outputs": json.dumps(y.double().flatten().tolist()),
            "torch_version": torch.__version__}
safetensors_stdlib.write(str(here / "torch_mlp.safetensors"), tensors, metadata, "F32")

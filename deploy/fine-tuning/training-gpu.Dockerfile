# syntax=docker/dockerfile:1
# The training service with LibTorch on CUDA, for fine-tuning the encoder on a GPU node. Build from the repository root:
#   docker build -f deploy/fine-tuning/training-gpu.Dockerfile -t streamingmarketing/training-gpu .
# One MSBuild property picks the LibTorch build: TorchSharpBackend=cuda-linux references TorchSharp-cuda-linux
# (LibTorch 2.10 for CUDA 12.8) instead of TorchSharp-cpu (training/StreamingMarketing.Training.csproj). The package
# registry of the development machines does not serve TorchSharp-cuda-linux, so this image has not been built there:
# it is correct by construction (same TorchSharp version as the CPU build, same code path; FineTuneRun moves the
# model to CUDA when LibTorch finds a device).

ARG CUDA_IMAGE=nvidia/cuda:12.8.1-cudnn-runtime-ubuntu24.04

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
# linux-x64 only; ONNX Runtime's Windows natives and its TensorRT provider are dead weight (see deploy/docker/silo.Dockerfile).
RUN --mount=type=cache,id=nuget,target=/root/.nuget/packages \
    dotnet publish training -c Release -r linux-x64 --self-contained false -p:UseAppHost=false -p:TorchSharpBackend=cuda-linux -o /app \
    && rm -f /app/onnxruntime*.dll /app/libonnxruntime_providers_tensorrt.so

# NVIDIA's CUDA 12.8 runtime with cuDNN 9 (what LibTorch 2.10's cu128 build links), Ubuntu 24.04 like aspnet:10.0,
# whose ASP.NET Core runtime is copied in (the sentiment library references the ASP.NET Core shared framework).
FROM ${CUDA_IMAGE}
COPY --from=mcr.microsoft.com/dotnet/aspnet:10.0 /usr/share/dotnet /usr/share/dotnet
RUN ln -s /usr/share/dotnet/dotnet /usr/bin/dotnet \
    && apt-get update && apt-get install -y --no-install-recommends ca-certificates libicu74 && rm -rf /var/lib/apt/lists/* \
    && useradd --uid 1654 --create-home app && mkdir /data && chown 1654 /data
ENV DOTNET_ROOT=/usr/share/dotnet
WORKDIR /app
COPY --from=build /app .
USER 1654
ENTRYPOINT ["dotnet", "StreamingMarketing.Training.dll"]
CMD ["fine-tune", "--publish", "--data-dir", "/data", "--torch-device", "cuda"]

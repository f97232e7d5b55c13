# syntax=docker/dockerfile:1
# The silo on an NVIDIA CUDA runtime base, for the scoring role on GPU nodes. Build from the repository root:
#   docker build -f deploy/docker/silo-cuda.Dockerfile -t streamingmarketing/silo-cuda .
# Microsoft.ML.OnnxRuntime.Gpu 1.31.0's Linux CUDA provider links libcudart.so.13, libcublas.so.13 and
# libcublasLt.so.13 and loads cuDNN 9 at run time (checked with readelf on the package), so the base is CUDA 13
# with cuDNN 9. CUDA 13 needs an NVIDIA driver >= 580 on the node. deploy/README.md explains the choice.
ARG CUDA_IMAGE=nvidia/cuda:13.0.1-cudnn-runtime-ubuntu24.04

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
# linux-x64 only; ONNX Runtime's Windows natives and the TensorRT provider (it needs TensorRT, not in the image)
# are dead weight. The CUDA provider stays: it is what this image is for.
RUN --mount=type=cache,id=nuget,target=/root/.nuget/packages \
    dotnet publish silo -c Release -r linux-x64 --self-contained false -p:UseAppHost=false -o /app \
    && rm -f /app/onnxruntime*.dll /app/libonnxruntime_providers_tensorrt.so

# The ASP.NET Core runtime is taken from Microsoft's image rather than downloaded: same version as the CPU image,
# no network at build time. Both are Ubuntu 24.04, so its native dependencies match.
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS dotnet

FROM ${CUDA_IMAGE}
# The .NET runtime's own dependencies on Ubuntu 24.04 beyond what the CUDA image has; no ICU because the
# projects set InvariantGlobalization.
RUN apt-get update \
    && apt-get install -y --no-install-recommends ca-certificates libssl3t64 tzdata \
    && rm -rf /var/lib/apt/lists/*
COPY --from=dotnet /usr/share/dotnet /usr/share/dotnet
RUN ln -s /usr/share/dotnet/dotnet /usr/bin/dotnet
# The same non-root user id as Microsoft's .NET images, so the Kubernetes security context fits both images.
ENV APP_UID=1654
RUN groupadd --gid "$APP_UID" app \
    && useradd --uid "$APP_UID" --gid app --create-home app \
    && mkdir /data && chown app /data
WORKDIR /app
COPY --from=build /app .
# Device=cuda fails the silo at startup when CUDA cannot load, instead of scoring slowly on the CPU unnoticed.
ENV DOTNET_RUNNING_IN_CONTAINER=true \
    Silo__DataDir=/data \
    Sentiment__Device=cuda
USER $APP_UID
EXPOSE 5080 11111 30000
ENTRYPOINT ["dotnet", "StreamingMarketing.Silo.dll"]
CMD ["--profile", "azure", "--roles", "scoring", "--urls", "http://0.0.0.0:5080"]

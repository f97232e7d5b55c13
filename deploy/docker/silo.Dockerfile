# syntax=docker/dockerfile:1
# The silo (co-hosts the HTTP gateway) on CPU. Build from the repository root:
#   docker build -f deploy/docker/silo.Dockerfile -t streamingmarketing/silo .
# The scorer runs on ONNX Runtime's CPU provider; silo-cuda.Dockerfile is the GPU image.

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
# linux-x64 only: without a runtime identifier the publish output carries every platform's ONNX Runtime natives.
# Even so, Microsoft.ML.OnnxRuntime.Gpu copies its Windows natives (215 MB), and the CUDA and TensorRT providers
# (285 MB) cannot load without the CUDA libraries: removed. Without them Sentiment:Device=auto logs that CUDA is
# unavailable and scores on the CPU, as on any machine without CUDA.
# The cache mount keeps NuGet packages between builds without baking them into a layer.
RUN --mount=type=cache,id=nuget,target=/root/.nuget/packages \
    dotnet publish silo -c Release -r linux-x64 --self-contained false -p:UseAppHost=false -o /app \
    && rm -f /app/onnxruntime*.dll /app/libonnxruntime_providers_cuda.so /app/libonnxruntime_providers_tensorrt.so

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app .
# --data-dir must be writable by the non-root user; Kubernetes mounts an emptyDir here.
RUN mkdir /data && chown "$APP_UID" /data
ENV Silo__DataDir=/data
USER $APP_UID
# HTTP (API, /metrics, /health/*), Orleans silo-to-silo, Orleans gateway (standalone gateways connect here).
EXPOSE 5080 11111 30000
ENTRYPOINT ["dotnet", "StreamingMarketing.Silo.dll"]
CMD ["--profile", "azure", "--urls", "http://0.0.0.0:5080"]

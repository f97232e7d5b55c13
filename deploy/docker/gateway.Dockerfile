# syntax=docker/dockerfile:1
# The standalone HTTP gateway: an Orleans client hosting the same API as the silos, scaled apart from them.
# Build from the repository root:
#   docker build -f deploy/docker/gateway.Dockerfile -t streamingmarketing/gateway .

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
# linux-x64 only; ONNX Runtime's Windows natives and its CUDA/TensorRT providers are dead weight here (see silo.Dockerfile).
RUN --mount=type=cache,id=nuget,target=/root/.nuget/packages \
    dotnet publish client -c Release -r linux-x64 --self-contained false -p:UseAppHost=false -o /app \
    && rm -f /app/onnxruntime*.dll /app/libonnxruntime_providers_cuda.so /app/libonnxruntime_providers_tensorrt.so

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app .
USER $APP_UID
EXPOSE 5080
# The client project is also the command-line client; "gateway" selects the HTTP gateway.
ENTRYPOINT ["dotnet", "StreamingMarketing.Client.dll", "gateway"]
CMD ["--profile", "azure", "--urls", "http://0.0.0.0:5080"]

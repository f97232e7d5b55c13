# syntax=docker/dockerfile:1
# The training service (train, evaluate, list, rollback, serve). Build from the repository root:
#   docker build -f deploy/docker/training.Dockerfile -t streamingmarketing/training .
# It trains on the CPU; the labeled data sets travel in the publish output.

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
# linux-x64 only; ONNX Runtime's Windows natives and its CUDA/TensorRT providers are dead weight here (see silo.Dockerfile).
RUN --mount=type=cache,id=nuget,target=/root/.nuget/packages \
    dotnet publish training -c Release -r linux-x64 --self-contained false -p:UseAppHost=false -o /app \
    && rm -f /app/onnxruntime*.dll /app/libonnxruntime_providers_cuda.so /app/libonnxruntime_providers_tensorrt.so

# ASP.NET Core runtime, not the bare .NET one: the sentiment library it shares with the silo references the
# ASP.NET Core shared framework for hosting abstractions.
FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app .
RUN mkdir /data && chown "$APP_UID" /data
USER $APP_UID
ENTRYPOINT ["dotnet", "StreamingMarketing.Training.dll"]
CMD ["train", "--publish", "--data-dir", "/data"]

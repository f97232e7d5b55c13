using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using StreamingMarketing.Tests.Infrastructure;

namespace StreamingMarketing.Tests.Deploy;

/// <summary>
/// deploy/docker, read rather than built (no Docker engine where the tests run): each image publishes the right
/// project on the .NET version the projects target and runs it as the non-root user, and the CUDA image carries the
/// CUDA major version that ONNX Runtime's CUDA provider links against.
/// </summary>
public sealed partial class DockerfileTests
{
    /// <summary>Image → (project folder it publishes, words its entrypoint starts with after <c>dotnet x.dll</c>).</summary>
    private static readonly Dictionary<string, (string Project, string[] Command)> Images = new()
    {
        ["silo"] = ("silo", []),
        ["silo-cuda"] = ("silo", []),
        ["gateway"] = ("client", ["gateway"]),
        ["training"] = ("training", []),
    };

    public static TheoryData<string> Names => new(Dockerfiles.Names);

    [Fact]
    public void There_is_a_Dockerfile_for_each_deployable() =>
        Assert.Equal(Images.Keys.Order(), Dockerfiles.Names);

    [Theory, MemberData(nameof(Names))]
    public void Image_publishes_its_project_in_an_sdk_stage_and_runs_it_as_the_non_root_user(string name)
    {
        var dockerfile = Dockerfile.Read(name);
        var (project, command) = Images[name];
        var dotnet = TargetDotnetVersion();

        var build = dockerfile.Stages[0];
        Assert.Equal($"mcr.microsoft.com/dotnet/sdk:{dotnet}", build.From);
        var publish = Assert.Single(build.All("RUN"), run => run.Contains("dotnet publish", StringComparison.Ordinal));
        Assert.Contains($"dotnet publish {project} -c Release", publish, StringComparison.Ordinal);
        Assert.Contains("-o /app", publish, StringComparison.Ordinal);

        var final = dockerfile.Final;
        Assert.Contains($"--from={build.Alias} /app .", final.All("COPY"));
        Assert.Equal("$APP_UID", final.All("USER").Last());
        Assert.Equal(["dotnet", $"{AssemblyName(project)}.dll", .. command], dockerfile.Final.ExecForm("ENTRYPOINT"));
        if (name != "silo-cuda")
        {
            Assert.Equal($"mcr.microsoft.com/dotnet/aspnet:{dotnet}", dockerfile.FinalBase);
        }
        else
        {
            // The CUDA image takes the same ASP.NET Core runtime from Microsoft's image.
            Assert.Contains(dockerfile.Stages, stage => stage.From == $"mcr.microsoft.com/dotnet/aspnet:{dotnet}");
        }
    }

    [Theory, MemberData(nameof(Names))]
    public void Hosts_default_to_the_azure_profile_on_all_interfaces(string name)
    {
        if (name == "training")
        {
            Assert.Equal(["train", "--publish", "--data-dir", "/data"], Dockerfile.Read(name).Final.ExecForm("CMD"));
            return;
        }

        var cmd = Dockerfile.Read(name).Final.ExecForm("CMD");
        Assert.Equal("azure", cmd[Array.IndexOf(cmd, "--profile") + 1]);
        Assert.Equal("http://0.0.0.0:5080", cmd[Array.IndexOf(cmd, "--urls") + 1]);
    }

    [Fact]
    public void Cuda_image_carries_the_cuda_major_version_that_the_onnx_runtime_cuda_provider_links()
    {
        var provider = Path.Combine(AppContext.BaseDirectory, "runtimes", "linux-x64", "native", "libonnxruntime_providers_cuda.so");
        var linked = CudaRuntime().Match(Encoding.Latin1.GetString(File.ReadAllBytes(provider)));
        Assert.True(linked.Success, $"{provider} names no libcudart.so.N");

        var image = Dockerfile.Read("silo-cuda").FinalBase;
        Assert.Matches($"^nvidia/cuda:{linked.Groups[1].Value}\\.[0-9.]+-cudnn-runtime-ubuntu24\\.04$", image);
        Assert.Equal("cuda", Dockerfile.Read("silo-cuda").Final.All("ENV").Select(env => SentimentDevice().Match(env)).Single(m => m.Success).Groups[1].Value);
    }

    [Theory, MemberData(nameof(Names))]
    public void Only_the_cuda_image_keeps_the_onnx_runtime_cuda_provider(string name)
    {
        var publish = Assert.Single(Dockerfile.Read(name).Stages[0].All("RUN"), run => run.Contains("dotnet publish", StringComparison.Ordinal));

        // The Windows natives go everywhere; the 285 MB CUDA provider only where CUDA is there to load it.
        Assert.Contains("rm -f /app/onnxruntime*.dll", publish, StringComparison.Ordinal);
        Assert.Equal(name != "silo-cuda", publish.Contains("/app/libonnxruntime_providers_cuda.so", StringComparison.Ordinal));
    }

    [Theory, MemberData(nameof(Names))]
    public void Build_context_leaves_out_build_outputs_data_and_git(string name)
    {
        // BuildKit reads <Dockerfile>.dockerignore beside the Dockerfile when the context is the repository root.
        var ignore = Path.Combine(Dockerfiles.Directory, $"{name}.Dockerfile.dockerignore");
        var patterns = File.ReadAllLines(ignore).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToHashSet();

        Assert.Superset(new HashSet<string> { ".git", "**/bin", "**/obj", "**/.data", "**/node_modules" }, patterns);
        Assert.Equal(File.ReadAllText(Path.Combine(Dockerfiles.Directory, "silo.Dockerfile.dockerignore")), File.ReadAllText(ignore));
    }

    /// <summary>"10.0" from Directory.Build.props' net10.0: the images must carry the runtime the projects target.</summary>
    private static string TargetDotnetVersion()
    {
        var framework = XDocument.Load(Path.Combine(RepositoryPaths.Root, "Directory.Build.props")).Descendants("TargetFramework").Single().Value;
        return framework["net".Length..];
    }

    private static string AssemblyName(string projectFolder)
    {
        var project = Assert.Single(Directory.GetFiles(Path.Combine(RepositoryPaths.Root, projectFolder), "*.csproj"));
        return XDocument.Load(project).Descendants("AssemblyName").SingleOrDefault()?.Value ?? Path.GetFileNameWithoutExtension(project);
    }

    [GeneratedRegex(@"libcudart\.so\.([0-9]+)")]
    private static partial Regex CudaRuntime();

    [GeneratedRegex(@"Sentiment__Device=(\w+)")]
    private static partial Regex SentimentDevice();
}

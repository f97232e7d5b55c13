using System.Text.Json;
using StreamingMarketing.Tests.Infrastructure;

namespace StreamingMarketing.Tests.Deploy;

/// <summary>A Dockerfile of deploy/docker read into its stages: enough structure to check what each image builds and runs.</summary>
public sealed record Dockerfile(string Name, IReadOnlyDictionary<string, string> Args, IReadOnlyList<Dockerfile.Stage> Stages)
{
    public sealed record Stage(string From, string? Alias, IReadOnlyList<(string Instruction, string Arguments)> Instructions)
    {
        public IEnumerable<string> All(string instruction) =>
            Instructions.Where(i => i.Instruction == instruction).Select(i => i.Arguments);

        /// <summary>An exec-form instruction (<c>["dotnet", "x.dll"]</c>) as its words.</summary>
        public string[] ExecForm(string instruction) =>
            JsonSerializer.Deserialize<string[]>(All(instruction).Last())!;
    }

    public Stage Final => Stages[^1];

    /// <summary><c>FROM</c> of the final stage with build arguments replaced by their defaults.</summary>
    public string FinalBase => Args.Aggregate(Final.From, (from, arg) => from.Replace($"${{{arg.Key}}}", arg.Value, StringComparison.Ordinal));

    public static Dockerfile Read(string name)
    {
        var args = new Dictionary<string, string>();
        var stages = new List<Stage>();
        List<(string, string)>? instructions = null;
        foreach (var line in LogicalLines(File.ReadAllLines(Path.Combine(Dockerfiles.Directory, $"{name}.Dockerfile"))))
        {
            var split = line.IndexOf(' ', StringComparison.Ordinal);
            var (instruction, arguments) = (line[..split].ToUpperInvariant(), line[(split + 1)..].Trim());
            if (instruction == "FROM")
            {
                var words = arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                instructions = [];
                stages.Add(new Stage(words[0], words.Length == 3 ? words[2] : null, instructions));
            }
            else if (instructions is null && instruction == "ARG")
            {
                var (key, value) = (arguments.Split('=', 2)[0], arguments.Split('=', 2)[1]);
                args[key] = value;
            }
            else
            {
                instructions?.Add((instruction, arguments));
            }
        }

        return new Dockerfile(name, args, stages);
    }

    /// <summary>Instructions with their backslash continuations joined, comments and blank lines dropped.</summary>
    private static IEnumerable<string> LogicalLines(IEnumerable<string> lines)
    {
        var pending = "";
        foreach (var raw in lines)
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            if (line.EndsWith('\\'))
            {
                pending += line[..^1] + " ";
                continue;
            }

            yield return pending + line;
            pending = "";
        }
    }
}

public static class Dockerfiles
{
    public static string Directory => Path.Combine(RepositoryPaths.Root, "deploy", "docker");

    public static IEnumerable<string> Names =>
        System.IO.Directory.GetFiles(Directory, "*.Dockerfile").Select(path => Path.GetFileName(path)[..^".Dockerfile".Length]).Order();
}

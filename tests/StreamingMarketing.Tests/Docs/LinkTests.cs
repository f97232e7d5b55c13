using System.Text.RegularExpressions;
using StreamingMarketing.Tests.Infrastructure;

namespace StreamingMarketing.Tests.Docs;

/// <summary>Every relative link in the repository's Markdown files points at a file or folder that exists.</summary>
public sealed partial class LinkTests
{
    private static readonly string[] SkippedFolders = ["node_modules", "bin", "obj", ".git", ".data"];

    public static IEnumerable<string> MarkdownFiles() =>
        Directory.EnumerateFiles(RepositoryPaths.Root, "*.md", SearchOption.AllDirectories)
            .Where(path => !Path.GetRelativePath(RepositoryPaths.Root, path).Split(Path.DirectorySeparatorChar).Any(SkippedFolders.Contains));

    [Fact]
    public void Every_relative_link_in_the_docs_resolves()
    {
        var broken = new List<string>();
        var files = MarkdownFiles().ToList();
        foreach (var file in files)
        {
            foreach (var (line, target) in RelativeLinks(File.ReadAllLines(file)))
            {
                var path = Uri.UnescapeDataString(target.Split('#')[0]);
                if (path.Length == 0)
                {
                    continue;
                }

                var resolved = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file)!, path));
                if (!File.Exists(resolved) && !Directory.Exists(resolved))
                {
                    broken.Add($"{Path.GetRelativePath(RepositoryPaths.Root, file)}:{line}: {target}");
                }
            }
        }

        Assert.True(files.Count > 5, "the repository's Markdown files were not found");
        Assert.True(broken.Count == 0, "broken relative links:\n" + string.Join('\n', broken));
    }

    [Fact]
    public void Finds_links_and_images_outside_code()
    {
        string[] text =
        [
            "See [the API](docs/api.md#events) and ![dashboard](docs/dashboard.png \"title\").",
            "`[not a link](nowhere.md)` and [web](https://example.com) and [anchor](#here)",
            "```",
            "[inside a fence](fenced.md)",
            "```",
        ];

        Assert.Equal(["docs/api.md#events", "docs/dashboard.png"], RelativeLinks(text).Select(l => l.Target));
    }

    /// <summary>Inline links and images, outside fenced blocks and inline code, that are neither absolute URLs nor anchors alone.</summary>
    public static IEnumerable<(int Line, string Target)> RelativeLinks(string[] lines)
    {
        var fenced = false;
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].TrimStart().StartsWith("```", StringComparison.Ordinal))
            {
                fenced = !fenced;
                continue;
            }

            if (fenced)
            {
                continue;
            }

            foreach (Match match in Link().Matches(InlineCode().Replace(lines[i], "")))
            {
                var target = match.Groups["target"].Value.Trim('<', '>');
                if (!target.StartsWith('#') && !Scheme().IsMatch(target))
                {
                    yield return (i + 1, target);
                }
            }
        }
    }

    [GeneratedRegex(@"!?\[[^\]]*\]\((?<target>[^)\s]+)(?:\s+""[^""]*"")?\)")]
    private static partial Regex Link();

    [GeneratedRegex("`[^`]*`")]
    private static partial Regex InlineCode();

    [GeneratedRegex("^[a-zA-Z][a-zA-Z0-9+.-]*:")]
    private static partial Regex Scheme();
}

namespace StreamingMarketing.Training;

/// <summary>One labeled example from the shipped TSV sets (header "label&lt;TAB&gt;text").</summary>
public sealed record LabeledText(string Label, string Text)
{
    public static IReadOnlyList<LabeledText> ReadTsv(string path)
    {
        var examples = new List<LabeledText>();
        foreach (var line in File.ReadLines(path).Skip(1))
        {
            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            if (tab <= 0)
            {
                continue;
            }

            examples.Add(new LabeledText(line[..tab], line[(tab + 1)..]));
        }

        return examples;
    }
}

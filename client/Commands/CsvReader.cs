using System.Text;

namespace StreamingMarketing.Client.Commands;

/// <summary>RFC 4180 records: commas inside quotes, doubled quotes, and line breaks inside quoted fields (comments have them).</summary>
internal static class CsvReader
{
    /// <summary>Each record with the line it starts on (1-based), so errors can point at the file.</summary>
    public static IEnumerable<(int Line, List<string> Fields)> Records(TextReader reader)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var inQuotes = false;
        var line = 1;
        var recordLine = 1;
        int c;
        while ((c = reader.Read()) >= 0)
        {
            var ch = (char)c;
            if (inQuotes)
            {
                if (ch == '"' && reader.Peek() == '"')
                {
                    field.Append('"');
                    reader.Read();
                }
                else if (ch == '"')
                {
                    inQuotes = false;
                }
                else
                {
                    line += ch == '\n' ? 1 : 0;
                    field.Append(ch);
                }
            }
            else if (ch == '"' && field.Length == 0)
            {
                inQuotes = true;
            }
            else if (ch == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else if (ch is '\n' or '\r')
            {
                if (ch == '\r' && reader.Peek() == '\n')
                {
                    reader.Read();
                }

                fields.Add(field.ToString());
                field.Clear();
                if (fields is not [""])
                {
                    yield return (recordLine, fields);
                }

                fields = [];
                recordLine = ++line;
            }
            else
            {
                field.Append(ch);
            }
        }

        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            yield return (recordLine, fields);
        }
    }
}

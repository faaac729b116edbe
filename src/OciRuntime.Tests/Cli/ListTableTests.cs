using System.Collections.Generic;
using NUnit.Framework;
using OciRuntime.Cli;

namespace OciRuntime.Tests.Cli;

public class ListTableTests
{
    [Test]
    public void HeaderAloneMatchesRuncsEmptyList()
    {
        var rows = new List<string[]> { new[] { "ID", "PID", "STATUS", "BUNDLE", "CREATED", "OWNER" } };
        // runc 1.1 `list` with no containers prints exactly this line.
        Assert.That(ListCommand.Table(rows), Is.EqualTo("ID          PID         STATUS      BUNDLE      CREATED     OWNER\n"));
    }

    [Test]
    public void LongCellsWidenTheirColumnWithThreeSpacesPadding()
    {
        var rows = new List<string[]>
        {
            new[] { "ID", "PID", "OWNER" },
            new[] { "a-very-long-container-id", "42", "root" },
        };
        var lines = ListCommand.Table(rows).Split('\n');
        Assert.That(lines[0], Is.EqualTo("ID".PadRight(27) + "PID".PadRight(12) + "OWNER"));
        Assert.That(lines[1], Is.EqualTo("a-very-long-container-id   42          root"));
    }
}

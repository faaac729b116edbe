using System;
using System.Collections.Generic;
using System.Globalization;
using OciRuntime.Core.Linux;

namespace OciRuntime.Core.Planning;

/// <summary>Collects <see cref="CgroupSetting"/>s and checks values, shared by the v1 and v2 planners.</summary>
internal sealed class CgroupPlanBuilder
{
    private readonly string _origin;

    public CgroupPlanBuilder(string origin) => _origin = origin;

    public List<CgroupSetting> Settings { get; } = [];

    public void Add(string controller, string file, string value, string jsonPath) =>
        Settings.Add(new CgroupSetting(controller, file, value, jsonPath, _origin));

    public RuntimeException Error(string jsonPath, string message) => new($"{_origin}: {jsonPath}: {message}");

    /// <summary>A byte limit: null or 0 means unset (runc), -1 unlimited, anything else below 0 is refused.</summary>
    public long? Limit(long? value, string jsonPath)
    {
        if (value is null or 0)
            return null;
        if (value < -1)
            throw Error(jsonPath, $"{value} is not a valid limit (a positive number, or -1 for unlimited)");
        return value;
    }

    public void Range(ulong value, ulong min, ulong max, string jsonPath)
    {
        if (value < min || value > max)
            throw Error(jsonPath, $"{value} is out of range [{min}, {max}]");
    }

    public void Device(long major, long minor, string jsonPath)
    {
        if (major < 0 || minor < 0)
            throw Error(jsonPath, $"device {major}:{minor} needs a non-negative major and minor");
    }

    /// <summary>"2MB", "1GB", "64KB" (the kernel's hugetlb file names).</summary>
    public string PageSize(string size, string jsonPath)
    {
        if (!PageSizePattern.IsMatch(size))
            throw Error(jsonPath, $"\"{size}\" is not a page size like 2MB or 1GB");
        return size;
    }

    public void CpuList(string? list, string jsonPath)
    {
        if (list is not null && !IsCpuList(list))
            throw Error(jsonPath, $"\"{list}\" is not a list like 0-3,5");
    }

    public static string Num(long value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Num(ulong value) => value.ToString(CultureInfo.InvariantCulture);

    private static readonly Validation.SchemaPattern PageSizePattern = Validation.SchemaPattern.Parse("^[1-9][0-9]*[KMG]B$");

    /// <summary>"0-3,5" with optional blanks around items: numbers, ranges, commas; empty allowed.</summary>
    internal static bool IsCpuList(string list)
    {
        var items = list.Split(',');
        if (items.Length == 1 && items[0].Trim().Length == 0)
            return true;
        foreach (var item in items)
        {
            var bounds = item.Trim().Split('-');
            if (bounds.Length > 2)
                return false;
            foreach (var bound in bounds)
            {
                if (bound.Length == 0 || bound.AsSpan().ContainsAnyExceptInRange('0', '9'))
                    return false;
            }
        }
        return true;
    }
}

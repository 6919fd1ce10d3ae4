using Digima.Core.Accounts;
using Digima.Core.Common;
using Digima.Core.Resources;
using FluentValidation;
using Microsoft.Extensions.Localization;

namespace Digima.Core.Customers.Import;

/// <summary>Imports customers from CSV: every bad row is reported and, if there is any, nothing
/// is imported, so a rep never has to find out which half of a file went in.</summary>
public sealed class ImportCustomersCommand(
    ICustomerCsvReader reader,
    ICustomerRepository customers,
    IUserRepository users,
    IValidator<CustomerInput> validator,
    IStringLocalizer<CoreMessages> text)
{
    public const int MaxRows = 10_000;

    public async Task<ImportReport> ImportAsync(CurrentUser actor, Stream csv, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var read = await reader.ReadAsync(csv, cancellationToken);
        var errors = new List<ImportError>(read.Errors);
        if (read.Rows.Count > MaxRows)
        {
            errors.Add(new ImportError(0, "", text["ImportTooManyRows", MaxRows]));
        }
        else if (read.Rows.Count == 0 && errors.Count == 0)
        {
            errors.Add(new ImportError(0, "", text["ImportEmpty"]));
        }

        var owners = await ResolveOwnersAsync(read.Rows, errors, cancellationToken);
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var valid = new List<Customer>(read.Rows.Count);
        foreach (var row in read.Rows)
        {
            var result = await validator.ValidateAsync(row.Input, cancellationToken);
            errors.AddRange(result.Errors.Select(e => new ImportError(row.Line, e.PropertyName, e.ErrorMessage)));
            if (!result.IsValid)
            {
                continue;
            }

            var customer = row.Input.ToCustomer() with { OwnerUserId = owners.GetValueOrDefault(row.OwnerEmail), CreatedByUserId = actor.Id };
            if (seen.TryGetValue(customer.Email, out var firstLine))
            {
                errors.Add(new ImportError(row.Line, nameof(CustomerInput.Email), text["ImportDuplicateInFile", firstLine]));
                continue;
            }

            seen[customer.Email] = row.Line;
            valid.Add(customer);
        }

        var existing = await customers.FindExistingEmailsAsync(seen.Keys, cancellationToken);
        errors.AddRange(read.Rows
            .Where(r => existing.Contains(CustomerInput.Clean(r.Input.Email).ToLowerInvariant()))
            .Select(r => new ImportError(r.Line, nameof(CustomerInput.Email), text["CustomerEmailTaken"])));

        if (errors.Count > 0)
        {
            return new ImportReport(0, read.Rows.Count, errors.OrderBy(e => e.Line).ToList());
        }

        try
        {
            var imported = await customers.InsertAllAsync(valid, cancellationToken);
            return new ImportReport(imported, read.Rows.Count, []);
        }
        catch (DuplicateEmailException e)
        {
            // Someone saved the same address between our check and the insert: nothing was imported.
            var line = seen.GetValueOrDefault(e.Email);
            return new ImportReport(0, read.Rows.Count, [new ImportError(line, nameof(CustomerInput.Email), text["CustomerEmailTaken"])]);
        }
    }

    private async Task<Dictionary<string, long?>> ResolveOwnersAsync(
        IReadOnlyList<CsvCustomerRow> rows, List<ImportError> errors, CancellationToken cancellationToken)
    {
        var owners = new Dictionary<string, long?>(StringComparer.OrdinalIgnoreCase) { [""] = null };
        foreach (var row in rows.Where(r => r.OwnerEmail.Length > 0))
        {
            if (!owners.ContainsKey(row.OwnerEmail))
            {
                var user = await users.FindByEmailAsync(row.OwnerEmail, cancellationToken);
                owners[row.OwnerEmail] = user is { IsActive: true } ? user.Id : -1;
            }

            if (owners[row.OwnerEmail] == -1)
            {
                errors.Add(new ImportError(row.Line, nameof(CustomerInput.OwnerUserId), text["ImportOwnerUnknown", row.OwnerEmail]));
            }
        }

        return owners;
    }
}

using Digima.Blazor.Auth;
using Digima.Core.Customers.Import;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using MudBlazor;

namespace Digima.Blazor.Components.Pages.Customers;

/// <summary>Uploads a CSV and imports it all or nothing; on failure lists every bad row.</summary>
public partial class CustomerImportDialog
{
    // A little over the reader's own limit, so the reader (not the upload) gives the clear message.
    private const long MaxUploadBytes = 11 * 1024 * 1024;

    [CascadingParameter] private IMudDialogInstance Dialog { get; set; } = default!;
    [Inject] private ImportCustomersCommand Import { get; set; } = default!;
    [Inject] private CurrentUserAccessor CurrentUser { get; set; } = default!;

    private ImportReport? _report;
    private string? _fileName;
    private bool _busy;

    private async Task ImportAsync(IBrowserFile? file)
    {
        if (file is null)
        {
            return;
        }

        _busy = true;
        _fileName = file.Name;
        try
        {
            if (file.Size > MaxUploadBytes)
            {
                _report = new ImportReport(0, 0, [new ImportError(0, "", T["Import_TooLarge"])]);
                return;
            }

            await using var stream = file.OpenReadStream(MaxUploadBytes);
            _report = await Import.ImportAsync(await CurrentUser.GetAsync(), stream, CancellationToken.None);
            if (_report.Succeeded)
            {
                Dialog.Close(DialogResult.Ok(_report));
            }
        }
        finally
        {
            _busy = false;
        }
    }

    private string FieldLabel(string field) => field switch
    {
        "" => "",
        _ => T[$"Customer_{field}"].ResourceNotFound ? field : T[$"Customer_{field}"],
    };
}

// What arrived in a bundle is history from another library. A job's or take's recorded
// generation names that library's projects, takes and references by its own ids, which are
// other rows here (or none), so sending it again would spend credits on the wrong inputs.

/** Why `what` (e.g. "Job 12", "Render 40") cannot be sent again from this library. */
export function importedGenerationMessage(what: string): string {
  return `${what} came from a bundle: its recorded generation names the takes and references of the library it was `
    + 'made in, so it is not sent again from here. Start a new generation with its prompt instead.';
}

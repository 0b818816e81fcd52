/** The most takes one renders.edit call changes; the grid sends a larger selection in several. */
export const MAX_EDIT_IDS = 5000;

/**
 * Which stations the exhibit frame shows as finished when the exhibit reports a station active.
 *
 * An exhibit that starts over (the woodblock's 换一块版再印 opens a new block at 写样) makes an
 * earlier station active again; the steps from that one on are then to be done again, so they
 * lose their tick. Moving forward keeps every tick. Pure: the frame applies it
 * (renderer/views/ExhibitView.vue).
 *
 * @param stationIds the exhibit's stations in their order
 * @param completedStationIds the stations finished so far
 * @param activeStationId the station the exhibit has just made active
 * @returns the finished stations after the activation (the same set when nothing changes)
 */
export function completedAfterActivation(
  stationIds: readonly string[],
  completedStationIds: ReadonlySet<string>,
  activeStationId: string,
): ReadonlySet<string> {
  const activeIndex = stationIds.indexOf(activeStationId)
  if (activeIndex < 0) return completedStationIds
  const stillToDo = new Set(stationIds.slice(activeIndex))
  if (![...completedStationIds].some((id) => stillToDo.has(id))) return completedStationIds
  return new Set([...completedStationIds].filter((id) => !stillToDo.has(id)))
}

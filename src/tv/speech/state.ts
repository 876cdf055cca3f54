/** Whether the villager turned read-aloud on: read by the chrome's hint and the app shell. */
let on = false;

export const setSpeechOn = (value: boolean): void => {
  on = value;
};

export const speechOn = (): boolean => on;

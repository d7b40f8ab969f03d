declare global {
  interface Navigator {
    /** Global Privacy Control (https://privacycg.github.io/gpc-spec/). */
    globalPrivacyControl?: boolean;
  }
}

/** Whether this browser sends the Global Privacy Control signal. */
export const sendsGpc = (): boolean => navigator.globalPrivacyControl === true;
